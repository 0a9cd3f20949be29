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
public final class KLDivLoss extends TorchLoss {
  public static final String NAME = "KLDivLoss";
  private final boolean logTarget;

  public KLDivLoss() {
    this(Map.of());
  }

  public KLDivLoss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  KLDivLoss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
    this.logTarget = kwargs.flag("log_target");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = Inputs.floating(NAME, "target", inputs[1]);
    Inputs.broadcastable(NAME, "target", target, "input", input);
    NDArray loss;
    if (logTarget) {
      loss = target.exp().mul(target.sub(input));
    } else {
      // xlogy(t, t): 0 at t = 0; the log reads 1 there so that no 0 * -inf reaches the gradient.
      NDArray zero = target.eq(0);
      NDArray xlogx = Ops.where(zero, target.zerosLike(), target.mul(Ops.where(zero, target.onesLike(), target).log()));
      loss = xlogx.sub(target.mul(input));
    }
    if (reduction() == Reduction.BATCHMEAN) {
      return input.getShape().dimension() == 0 ? loss.sum() : loss.sum().div((float) input.getShape().get(0));
    }
    return reduce(loss);
  }

  public static final class Builder extends LossBuilder<Builder> {
    /** PyTorch's {@code log_target}: the target holds log-probabilities too. */
    public Builder logTarget(boolean value) {
      return set("log_target", value);
    }

    @Override
    public KLDivLoss build() {
      return new KLDivLoss(kwargs());
    }
  }
}
