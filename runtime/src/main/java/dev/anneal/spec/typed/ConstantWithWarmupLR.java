package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code transformers.get_constant_schedule_with_warmup}: linear warmup, then constant.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class ConstantWithWarmupLR extends TypedSpec<ConstantWithWarmupLR> {
  private ConstantWithWarmupLR() {
    super(Category.SCHEDULER, "ConstantWithWarmupLR");
  }

  /**
   * A {@code ConstantWithWarmupLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static ConstantWithWarmupLR spec() {
    return new ConstantWithWarmupLR();
  }

  /**
   * {@code num_warmup_steps}: steps of the linear warmup; required; in [0, inf).
   *
   * @param numWarmupSteps the value of {@code num_warmup_steps}
   * @return this spec
   */
  public ConstantWithWarmupLR numWarmupSteps(int numWarmupSteps) {
    return set("num_warmup_steps", numWarmupSteps);
  }
}
