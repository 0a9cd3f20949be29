package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@code timm.scheduler.CosineLRScheduler}: timm's cosine with warmup, cycles, decay per cycle and noise.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class TimmCosineLR extends TypedSpec<TimmCosineLR> {
  private TimmCosineLR() {
    super(Category.SCHEDULER, "timm.CosineLRScheduler");
  }

  /**
   * A {@code timm.CosineLRScheduler} with PyTorch's defaults; each setter overrides one.
   */
  public static TimmCosineLR spec() {
    return new TimmCosineLR();
  }

  /**
   * {@code t_initial}: positions of the first cycle; required (annotations derive it from the training's length); in [1, inf).
   */
  public TimmCosineLR tInitial(int tInitial) {
    return set("t_initial", tInitial);
  }

  /**
   * {@code lr_min}: minimum lr; default 0.0.
   */
  public TimmCosineLR lrMin(double lrMin) {
    return set("lr_min", lrMin);
  }

  /**
   * {@code cycle_mul}: growth of each cycle; default 1.0; in (0, inf).
   */
  public TimmCosineLR cycleMul(double cycleMul) {
    return set("cycle_mul", cycleMul);
  }

  /**
   * {@code cycle_decay}: peak factor per cycle; default 1.0.
   */
  public TimmCosineLR cycleDecay(double cycleDecay) {
    return set("cycle_decay", cycleDecay);
  }

  /**
   * {@code cycle_limit}: cycles before staying at lr_min; default 1; in [1, inf).
   */
  public TimmCosineLR cycleLimit(int cycleLimit) {
    return set("cycle_limit", cycleLimit);
  }

  /**
   * {@code warmup_t}: positions of the linear warmup; default 0; in [0, inf).
   */
  public TimmCosineLR warmupT(int warmupT) {
    return set("warmup_t", warmupT);
  }

  /**
   * {@code warmup_lr_init}: lr at position 0 of the warmup; default 0.0.
   */
  public TimmCosineLR warmupLrInit(double warmupLrInit) {
    return set("warmup_lr_init", warmupLrInit);
  }

  /**
   * {@code warmup_prefix}: the cosine starts after the warmup; default False.
   */
  public TimmCosineLR warmupPrefix(boolean warmupPrefix) {
    return set("warmup_prefix", warmupPrefix);
  }

  /**
   * {@code noise_range_t}: start, or [start, end], of the noise; default None.
   */
  public TimmCosineLR noiseRangeT(Double noiseRangeT) {
    return set("noise_range_t", noiseRangeT);
  }

  /**
   * {@code noise_range_t}, one value per group.
   */
  public TimmCosineLR noiseRangeT(List<Double> perGroup) {
    return set("noise_range_t", List.copyOf(perGroup));
  }

  /**
   * {@code noise_pct}: noise limit; default 0.67; in [0, inf).
   */
  public TimmCosineLR noisePct(double noisePct) {
    return set("noise_pct", noisePct);
  }

  /**
   * {@code noise_std}: noise standard deviation; default 1.0; in [0, inf).
   */
  public TimmCosineLR noiseStd(double noiseStd) {
    return set("noise_std", noiseStd);
  }

  /**
   * {@code noise_seed}: noise seed; default 42.
   */
  public TimmCosineLR noiseSeed(int noiseSeed) {
    return set("noise_seed", noiseSeed);
  }

  /**
   * {@code k_decay}: shape of the cosine; default 1.0; in (0, inf).
   */
  public TimmCosineLR kDecay(double kDecay) {
    return set("k_decay", kDecay);
  }
}
