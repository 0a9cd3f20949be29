package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}: {@code 0.5 d^2 / beta}
 * where {@code |d| < beta}, else {@code |d| - 0.5 beta}; {@code beta = 0} is {@link L1Loss}.
 */
public final class SmoothL1Loss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "SmoothL1Loss";
  private final double beta;

  /** The loss with PyTorch's defaults. */
  public SmoothL1Loss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public SmoothL1Loss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.beta = kwargs().number("beta");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return PyTorch's {@code beta}} */
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

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, SmoothL1Loss> {
    private Builder() {
      super(SmoothL1Loss::new);
    }

    /**
     * PyTorch's {@code beta}, at least 0.
     *
     * @param value the value
     * @return this builder
     */
    public Builder beta(double value) {
      return set("beta", value);
    }
  }
}
