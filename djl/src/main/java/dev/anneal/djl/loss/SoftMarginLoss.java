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
  public static final String NAME = "SoftMarginLoss";

  public SoftMarginLoss() {
    this(Map.of());
  }

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
