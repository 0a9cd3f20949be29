package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.PoissonNLLLoss(log_input=True, full=False, eps=1e-8, reduction='mean')}:
 * {@code exp(input) - target * input} for log-rates, else {@code input - target * log(input + eps)};
 * {@code full} adds Stirling's approximation {@code t log t - t + 0.5 log(2 pi t)} where the target
 * exceeds 1 (zero elsewhere).
 */
public final class PoissonNLLLoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "PoissonNLLLoss";
  private final boolean logInput;
  private final boolean full;
  private final double eps;

  /** The loss with PyTorch's defaults. */
  public PoissonNLLLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public PoissonNLLLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.logInput = kwargs().flag("log_input");
    this.full = kwargs().flag("full");
    this.eps = kwargs().number("eps");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    NDArray loss = logInput ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add((float) eps).log()));
    if (full) {
      NDArray stirling = target.mul(target.log()).sub(target).add(target.mul((float) (2 * Math.PI)).log().mul(0.5f));
      loss = loss.add(Ops.where(target.lte(1), stirling.zerosLike(), stirling));
    }
    return loss;
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, PoissonNLLLoss> {
    private Builder() {
      super(PoissonNLLLoss::new);
    }

    /**
     * PyTorch's {@code log_input}: the input is the log of the rate.
     *
     * @param value the value
     * @return this builder
     */
    public Builder logInput(boolean value) {
      return set("log_input", value);
    }

    /**
     * PyTorch's {@code full}: add the Stirling term.
     *
     * @param value the value
     * @return this builder
     */
    public Builder full(boolean value) {
      return set("full", value);
    }

    /**
     * PyTorch's {@code eps}, added inside the log when {@code log_input} is false.
     *
     * @param value the value
     * @return this builder
     */
    public Builder eps(double value) {
      return set("eps", value);
    }
  }
}
