package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}: {@code 0.5 d^2 / beta}
 * where {@code |d| < beta}, else {@code |d| - 0.5 beta}; {@code beta = 0} is {@link L1Loss}.
 */
public final class SmoothL1Loss extends PointwiseLoss {
  public static final String NAME = "SmoothL1Loss";
  private final double beta;

  public SmoothL1Loss() {
    this(Map.of());
  }

  public SmoothL1Loss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.beta = kwargs().number("beta");
  }

  public static Builder builder() {
    return new Builder();
  }

  public double beta() {
    return beta;
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    NDArray d = input.sub(target);
    NDArray a = d.abs();
    if (beta == 0) {
      return a;
    }
    NDArray quadratic = d.square().mul((float) (0.5 / beta));
    NDArray linear = a.sub((float) (0.5 * beta));
    return Ops.where(a.lt(beta), quadratic, linear);
  }

  public static final class Builder extends LossBuilder<Builder, SmoothL1Loss> {
    private Builder() {
      super(SmoothL1Loss::new);
    }

    /** PyTorch's {@code beta}, at least 0. */
    public Builder beta(double value) {
      return set("beta", value);
    }
  }
}
