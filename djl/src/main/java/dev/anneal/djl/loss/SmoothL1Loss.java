package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}: {@code 0.5 d^2 / beta}
 * where {@code |d| < beta}, else {@code |d| - 0.5 beta}; {@code beta = 0} is {@link L1Loss}.
 */
public final class SmoothL1Loss extends TorchLoss {
  public static final String NAME = "SmoothL1Loss";
  private final double beta;

  public SmoothL1Loss() {
    this(Map.of());
  }

  public SmoothL1Loss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  SmoothL1Loss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
    this.beta = kwargs.number("beta");
  }

  public static Builder builder() {
    return new Builder();
  }

  public double beta() {
    return beta;
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = Inputs.floating(NAME, "target", inputs[1]);
    Inputs.broadcastable(NAME, "target", target, "input", input);
    NDArray d = input.sub(target);
    NDArray a = d.abs();
    if (beta == 0) {
      return reduce(a);
    }
    NDArray quadratic = d.square().mul((float) (0.5 / beta));
    NDArray linear = a.sub((float) (0.5 * beta));
    return reduce(Ops.where(a.lt(beta), quadratic, linear));
  }

  public static final class Builder extends LossBuilder<Builder> {
    /** PyTorch's {@code beta}, at least 0. */
    public Builder beta(double value) {
      return set("beta", value);
    }

    @Override
    public SmoothL1Loss build() {
      return new SmoothL1Loss(kwargs());
    }
  }
}
