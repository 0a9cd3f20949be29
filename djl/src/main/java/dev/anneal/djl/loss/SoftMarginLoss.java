package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.SoftMarginLoss(reduction='mean')}: {@code log(1 + exp(-target * input))}
 * per element, targets 1 or -1. Computed as {@code softplus}, so it stays finite where PyTorch's
 * {@code log1p(exp(.))} overflows to inf (margins beyond about 88 in float32); elsewhere the numbers agree.
 */
public final class SoftMarginLoss extends TorchLoss {
  public static final String NAME = "SoftMarginLoss";

  public SoftMarginLoss() {
    this(Map.of());
  }

  public SoftMarginLoss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  SoftMarginLoss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = inputs[1];
    Inputs.broadcastable(NAME, "target", target, "input", input);
    return reduce(Activation.softPlus(input.mul(target.toType(input.getDataType(), false)).neg()));
  }

  public static final class Builder extends LossBuilder<Builder> {
    @Override
    public SoftMarginLoss build() {
      return new SoftMarginLoss(kwargs());
    }
  }
}
