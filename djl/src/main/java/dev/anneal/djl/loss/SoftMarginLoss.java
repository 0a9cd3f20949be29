package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.SoftMarginLoss(reduction='mean')}: {@code log(1 + exp(-target * input))}
 * per element, targets 1 or -1. Computed as {@code softplus}, so it stays finite where PyTorch's
 * {@code log1p(exp(.))} overflows to inf (margins beyond about 88 in float32); elsewhere the numbers agree.
 */
public final class SoftMarginLoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "SoftMarginLoss";

  /** The loss with PyTorch's defaults. */
  public SoftMarginLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public SoftMarginLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
  }

  public static LossBuilder.ReductionOnly<SoftMarginLoss> builder() {
    return new LossBuilder.ReductionOnly<>(SoftMarginLoss::new);
  }

  /** Targets of any type (1 or -1, integer or floating-point) that broadcast with the input. */
  @Override
  protected NDArray target(NDArray input, NDArray target) {
    Inputs.broadcastable(NAME, "target", target, "input", input);
    return target.toType(input.getDataType(), false);
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    return Activation.softPlus(input.mul(target).neg());
  }
}
