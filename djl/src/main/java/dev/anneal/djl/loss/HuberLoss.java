package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.HuberLoss(reduction='mean', delta=1.0)}: {@code 0.5 d^2} where
 * {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)}, with {@code d = input - target}.
 * Equals {@link SmoothL1Loss} times {@code delta} when {@code beta = delta}.
 */
public final class HuberLoss extends PointwiseLoss {
  public static final String NAME = "HuberLoss";
  private final double delta;

  public HuberLoss() {
    this(Map.of());
  }

  public HuberLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.delta = kwargs().number("delta");
  }

  public static Builder builder() {
    return new Builder();
  }

  public double delta() {
    return delta;
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    NDArray d = input.sub(target);
    NDArray a = d.abs();
    NDArray quadratic = d.square().mul(0.5f);
    NDArray linear = a.sub((float) (0.5 * delta)).mul((float) delta);
    return Ops.where(a.lt(delta), quadratic, linear);
  }

  public static final class Builder extends LossBuilder<Builder, HuberLoss> {
    private Builder() {
      super(HuberLoss::new);
    }

    /** PyTorch's {@code delta}, positive. */
    public Builder delta(double value) {
      return set("delta", value);
    }
  }
}
