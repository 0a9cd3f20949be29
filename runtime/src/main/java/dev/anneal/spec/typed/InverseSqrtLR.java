package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code transformers.get_inverse_sqrt_schedule}: linear warmup, then 1/sqrt decay.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class InverseSqrtLR extends TypedSpec<InverseSqrtLR> {
  private InverseSqrtLR() {
    super(Category.SCHEDULER, "InverseSqrtLR");
  }

  /**
   * A {@code InverseSqrtLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static InverseSqrtLR spec() {
    return new InverseSqrtLR();
  }

  /**
   * {@code num_warmup_steps}: steps of the linear warmup; required; in [0, inf).
   *
   * @param numWarmupSteps the value of {@code num_warmup_steps}
   * @return this spec
   */
  public InverseSqrtLR numWarmupSteps(int numWarmupSteps) {
    return set("num_warmup_steps", numWarmupSteps);
  }

  /**
   * {@code timescale}: decay timescale (None: num_warmup_steps, or 10000); default None; in [1, inf).
   *
   * @param timescale the value of {@code timescale} ({@code null}: None)
   * @return this spec
   */
  public InverseSqrtLR timescale(Integer timescale) {
    return set("timescale", timescale);
  }
}
