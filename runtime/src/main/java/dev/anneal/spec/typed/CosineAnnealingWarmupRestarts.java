package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@code cosine_annealing_warmup.CosineAnnealingWarmupRestarts (katsura-jp)}: cycles of a linear warmup from min_lr to a peak, then a cosine back; each peak gamma times the last.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class CosineAnnealingWarmupRestarts extends TypedSpec<CosineAnnealingWarmupRestarts> {
  private CosineAnnealingWarmupRestarts() {
    super(Category.SCHEDULER, "CosineAnnealingWarmupRestarts");
  }

  /**
   * A {@code CosineAnnealingWarmupRestarts} with PyTorch's defaults; each setter overrides one.
   */
  public static CosineAnnealingWarmupRestarts spec() {
    return new CosineAnnealingWarmupRestarts();
  }

  /**
   * {@code first_cycle_steps}: positions of the first cycle, warmup included; required; in [1, inf).
   */
  public CosineAnnealingWarmupRestarts firstCycleSteps(int firstCycleSteps) {
    return set("first_cycle_steps", firstCycleSteps);
  }

  /**
   * {@code cycle_mult}: growth of each cycle after its warmup; default 1.0; in (0, inf).
   */
  public CosineAnnealingWarmupRestarts cycleMult(double cycleMult) {
    return set("cycle_mult", cycleMult);
  }

  /**
   * {@code max_lr}: first peak, once or per group; default 0.1; in [0, inf).
   */
  public CosineAnnealingWarmupRestarts maxLr(double maxLr) {
    return set("max_lr", maxLr);
  }

  /**
   * {@code max_lr}, one value per group.
   */
  public CosineAnnealingWarmupRestarts maxLr(List<Double> perGroup) {
    return set("max_lr", List.copyOf(perGroup));
  }

  /**
   * {@code min_lr}: lr at each cycle's start, once or per group; default 0.001; in [0, inf).
   */
  public CosineAnnealingWarmupRestarts minLr(double minLr) {
    return set("min_lr", minLr);
  }

  /**
   * {@code min_lr}, one value per group.
   */
  public CosineAnnealingWarmupRestarts minLr(List<Double> perGroup) {
    return set("min_lr", List.copyOf(perGroup));
  }

  /**
   * {@code warmup_steps}: positions of each cycle's linear warmup; default 0; in [0, inf).
   */
  public CosineAnnealingWarmupRestarts warmupSteps(int warmupSteps) {
    return set("warmup_steps", warmupSteps);
  }

  /**
   * {@code gamma}: peak factor per cycle; default 1.0; in [0, inf).
   */
  public CosineAnnealingWarmupRestarts gamma(double gamma) {
    return set("gamma", gamma);
  }
}
