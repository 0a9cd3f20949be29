package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.HuberLoss(reduction='mean', delta=1.0)}: {@code 0.5 d^2} where
 * {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)}, with {@code d = input - target}.
 * Equals {@link SmoothL1Loss} times {@code delta} when {@code beta = delta}.
 */
public final class HuberLoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "HuberLoss";
  private final double delta;

  /** The loss with PyTorch's defaults. */
  public HuberLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public HuberLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.delta = kwargs().number("delta");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return PyTorch's {@code delta}} */
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

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, HuberLoss> {
    private Builder() {
      super(HuberLoss::new);
    }

    /**
     * PyTorch's {@code delta}, positive.
     *
     * @param value the value
     * @return this builder
     */
    public Builder delta(double value) {
      return set("delta", value);
    }
  }
}
