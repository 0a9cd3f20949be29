package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code transformers.get_cosine_with_hard_restarts_schedule_with_warmup}: linear warmup, then cosine decays with hard restarts.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class CosineWithHardRestartsWithWarmupLR extends TypedSpec<CosineWithHardRestartsWithWarmupLR> {
  private CosineWithHardRestartsWithWarmupLR() {
    super(Category.SCHEDULER, "CosineWithHardRestartsWithWarmupLR");
  }

  /**
   * A {@code CosineWithHardRestartsWithWarmupLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static CosineWithHardRestartsWithWarmupLR spec() {
    return new CosineWithHardRestartsWithWarmupLR();
  }

  /**
   * {@code num_warmup_steps}: steps of the linear warmup (or give warmup_ratio); default None; in [0, inf).
   *
   * @param numWarmupSteps the value of {@code num_warmup_steps} ({@code null}: None)
   * @return this spec
   */
  public CosineWithHardRestartsWithWarmupLR numWarmupSteps(Integer numWarmupSteps) {
    return set("num_warmup_steps", numWarmupSteps);
  }

  /**
   * {@code warmup_ratio}: the Trainer's warmup_ratio: num_warmup_steps = ceil(warmup_ratio * num_training_steps); default None; in [0, 1).
   *
   * @param warmupRatio the value of {@code warmup_ratio} ({@code null}: None)
   * @return this spec
   */
  public CosineWithHardRestartsWithWarmupLR warmupRatio(Double warmupRatio) {
    return set("warmup_ratio", warmupRatio);
  }

  /**
   * {@code num_training_steps}: steps of the whole schedule; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param numTrainingSteps the value of {@code num_training_steps}
   * @return this spec
   */
  public CosineWithHardRestartsWithWarmupLR numTrainingSteps(int numTrainingSteps) {
    return set("num_training_steps", numTrainingSteps);
  }

  /**
   * {@code num_cycles}: hard restarts; default 1; in [1, inf).
   *
   * @param numCycles the value of {@code num_cycles}
   * @return this spec
   */
  public CosineWithHardRestartsWithWarmupLR numCycles(int numCycles) {
    return set("num_cycles", numCycles);
  }
}
