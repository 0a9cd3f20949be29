package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.KLDivLoss(reduction='mean', log_target=False)}: the input holds
 * log-probabilities; per element {@code target (log target - input)} (0 where the target is 0), or
 * {@code exp(target) (target - input)} with {@code log_target}. {@code 'batchmean'} divides the sum
 * by the batch size (the KL divergence proper); {@code 'mean'} divides by the number of elements,
 * as PyTorch does (and warns about).
 */
public final class KLDivLoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "KLDivLoss";
  private final boolean logTarget;

  /** The loss with PyTorch's defaults. */
  public KLDivLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public KLDivLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.logTarget = kwargs().flag("log_target");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    if (logTarget) {
      return target.exp().mul(target.sub(input));
    }
    // xlogy(t, t): 0 at t = 0; the log reads 1 there so that no 0 * -inf reaches the gradient.
    NDArray zero = target.eq(0);
    NDArray xlogx = Ops.where(zero, target.zerosLike(), target.mul(Ops.where(zero, target.onesLike(), target).log()));
    return xlogx.sub(target.mul(input));
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, KLDivLoss> {
    private Builder() {
      super(KLDivLoss::new);
    }

    /**
     * PyTorch's {@code log_target}: the target holds log-probabilities too.
     *
     * @param value the value
     * @return this builder
     */
    public Builder logTarget(boolean value) {
      return set("log_target", value);
    }
  }
}
