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
  public static final String NAME = "KLDivLoss";
  private final boolean logTarget;

  public KLDivLoss() {
    this(Map.of());
  }

  public KLDivLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.logTarget = kwargs().flag("log_target");
  }

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

  public static final class Builder extends LossBuilder<Builder, KLDivLoss> {
    private Builder() {
      super(KLDivLoss::new);
    }

    /** PyTorch's {@code log_target}: the target holds log-probabilities too. */
    public Builder logTarget(boolean value) {
      return set("log_target", value);
    }
  }
}
