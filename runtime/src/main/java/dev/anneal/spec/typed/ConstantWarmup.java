package dev.anneal.spec.typed;

import dev.anneal.spec.SpecSource;
import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code anneal (detectron2's warmup shapes)}: a constant warmup over warmup_steps, then its child schedule (if any).
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class ConstantWarmup extends TypedSpec<ConstantWarmup> {
  private ConstantWarmup() {
    super(Category.SCHEDULER, "ConstantWarmup");
  }

  /**
   * A {@code ConstantWarmup} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static ConstantWarmup spec() {
    return new ConstantWarmup();
  }

  /**
   * {@code warmup_steps}: positions of the warmup; required; in [0, inf).
   *
   * @param warmupSteps the value of {@code warmup_steps}
   * @return this spec
   */
  public ConstantWarmup warmupSteps(int warmupSteps) {
    return set("warmup_steps", warmupSteps);
  }

  /**
   * {@code warmup_factor}: factor at position 0; default 0.001; in [0, 1].
   *
   * @param warmupFactor the value of {@code warmup_factor}
   * @return this spec
   */
  public ConstantWarmup warmupFactor(double warmupFactor) {
    return set("warmup_factor", warmupFactor);
  }

  /**
   * The schedule that follows, from its own step 0.
   *
   * @param next the schedule
   * @return this spec
   */
  public ConstantWarmup then(SpecSource next) {
    return children(next);
  }
}
