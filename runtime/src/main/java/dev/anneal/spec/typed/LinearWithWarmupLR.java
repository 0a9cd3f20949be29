package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code transformers.get_linear_schedule_with_warmup}: linear warmup, then linear decay to 0.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class LinearWithWarmupLR extends TypedSpec<LinearWithWarmupLR> {
  private LinearWithWarmupLR() {
    super(Category.SCHEDULER, "LinearWithWarmupLR");
  }

  /**
   * A {@code LinearWithWarmupLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static LinearWithWarmupLR spec() {
    return new LinearWithWarmupLR();
  }

  /**
   * {@code num_warmup_steps}: steps of the linear warmup (or give warmup_ratio); default None; in [0, inf).
   *
   * @param numWarmupSteps the value of {@code num_warmup_steps} ({@code null}: None)
   * @return this spec
   */
  public LinearWithWarmupLR numWarmupSteps(Integer numWarmupSteps) {
    return set("num_warmup_steps", numWarmupSteps);
  }

  /**
   * {@code warmup_ratio}: the Trainer's warmup_ratio: num_warmup_steps = ceil(warmup_ratio * num_training_steps); default None; in [0, 1).
   *
   * @param warmupRatio the value of {@code warmup_ratio} ({@code null}: None)
   * @return this spec
   */
  public LinearWithWarmupLR warmupRatio(Double warmupRatio) {
    return set("warmup_ratio", warmupRatio);
  }

  /**
   * {@code num_training_steps}: steps of the whole schedule; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param numTrainingSteps the value of {@code num_training_steps}
   * @return this spec
   */
  public LinearWithWarmupLR numTrainingSteps(int numTrainingSteps) {
    return set("num_training_steps", numTrainingSteps);
  }
}
