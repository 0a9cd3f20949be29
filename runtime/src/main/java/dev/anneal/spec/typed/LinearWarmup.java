package dev.anneal.spec.typed;

import dev.anneal.spec.SpecSource;
import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code anneal (detectron2's warmup shapes)}: a linear warmup over warmup_steps, then its child schedule (if any).
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class LinearWarmup extends TypedSpec<LinearWarmup> {
  private LinearWarmup() {
    super(Category.SCHEDULER, "LinearWarmup");
  }

  /**
   * A {@code LinearWarmup} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static LinearWarmup spec() {
    return new LinearWarmup();
  }

  /**
   * {@code warmup_steps}: positions of the warmup; required; in [0, inf).
   *
   * @param warmupSteps the value of {@code warmup_steps}
   * @return this spec
   */
  public LinearWarmup warmupSteps(int warmupSteps) {
    return set("warmup_steps", warmupSteps);
  }

  /**
   * {@code warmup_factor}: factor at position 0; default 0.001; in [0, 1].
   *
   * @param warmupFactor the value of {@code warmup_factor}
   * @return this spec
   */
  public LinearWarmup warmupFactor(double warmupFactor) {
    return set("warmup_factor", warmupFactor);
  }

  /**
   * {@code warmup_start_lr}: step warmup only: the lr at position 0, absolute, in place of warmup_factor times the scheduled lr; the lr moves in a straight line from it to the scheduled lr, down if it is larger (YOLOv5's warmup_bias_lr); default None; in [0, inf).
   *
   * @param warmupStartLr the value of {@code warmup_start_lr} ({@code null}: None)
   * @return this spec
   */
  public LinearWarmup warmupStartLr(Double warmupStartLr) {
    return set("warmup_start_lr", warmupStartLr);
  }

  /**
   * {@code warmup_momentum}: step warmup only: the momentum (beta1 of the Adam family) at position 0, moving in a straight line to the group's (YOLOv5's warmup_momentum); default None; in [0, 1).
   *
   * @param warmupMomentum the value of {@code warmup_momentum} ({@code null}: None)
   * @return this spec
   */
  public LinearWarmup warmupMomentum(Double warmupMomentum) {
    return set("warmup_momentum", warmupMomentum);
  }

  /**
   * {@code hold_after}: step warmup only: the schedule stepped per epoch skips its step at the end of the epoch where the warmup ends, so it runs one epoch late from then on (Ultralytics resets its LambdaLR's last_epoch after building it); default False.
   *
   * @param holdAfter the value of {@code hold_after}
   * @return this spec
   */
  public LinearWarmup holdAfter(boolean holdAfter) {
    return set("hold_after", holdAfter);
  }

  /**
   * The schedule that follows, from its own step 0.
   *
   * @param next the schedule
   * @return this spec
   */
  public LinearWarmup then(SpecSource next) {
    return children(next);
  }
}
