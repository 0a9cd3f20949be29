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
   *
   * @return the spec
   */
  public static TimmCosineLR spec() {
    return new TimmCosineLR();
  }

  /**
   * {@code t_initial}: positions of the first cycle; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param tInitial the value of {@code t_initial}
   * @return this spec
   */
  public TimmCosineLR tInitial(int tInitial) {
    return set("t_initial", tInitial);
  }

  /**
   * {@code lr_min}: minimum lr; default 0.0.
   *
   * @param lrMin the value of {@code lr_min}
   * @return this spec
   */
  public TimmCosineLR lrMin(double lrMin) {
    return set("lr_min", lrMin);
  }

  /**
   * {@code cycle_mul}: growth of each cycle; default 1.0; in (0, inf).
   *
   * @param cycleMul the value of {@code cycle_mul}
   * @return this spec
   */
  public TimmCosineLR cycleMul(double cycleMul) {
    return set("cycle_mul", cycleMul);
  }

  /**
   * {@code cycle_decay}: peak factor per cycle; default 1.0.
   *
   * @param cycleDecay the value of {@code cycle_decay}
   * @return this spec
   */
  public TimmCosineLR cycleDecay(double cycleDecay) {
    return set("cycle_decay", cycleDecay);
  }

  /**
   * {@code cycle_limit}: cycles before staying at lr_min; default 1; in [1, inf).
   *
   * @param cycleLimit the value of {@code cycle_limit}
   * @return this spec
   */
  public TimmCosineLR cycleLimit(int cycleLimit) {
    return set("cycle_limit", cycleLimit);
  }

  /**
   * {@code warmup_t}: positions of the linear warmup; default 0; in [0, inf).
   *
   * @param warmupT the value of {@code warmup_t}
   * @return this spec
   */
  public TimmCosineLR warmupT(int warmupT) {
    return set("warmup_t", warmupT);
  }

  /**
   * {@code warmup_lr_init}: lr at position 0 of the warmup; default 0.0.
   *
   * @param warmupLrInit the value of {@code warmup_lr_init}
   * @return this spec
   */
  public TimmCosineLR warmupLrInit(double warmupLrInit) {
    return set("warmup_lr_init", warmupLrInit);
  }

  /**
   * {@code warmup_prefix}: the cosine starts after the warmup; default False.
   *
   * @param warmupPrefix the value of {@code warmup_prefix}
   * @return this spec
   */
  public TimmCosineLR warmupPrefix(boolean warmupPrefix) {
    return set("warmup_prefix", warmupPrefix);
  }

  /**
   * {@code noise_range_t}: start, or [start, end], of the noise; default None.
   *
   * @param noiseRangeT the value of {@code noise_range_t} ({@code null}: None)
   * @return this spec
   */
  public TimmCosineLR noiseRangeT(Double noiseRangeT) {
    return set("noise_range_t", noiseRangeT);
  }

  /**
   * {@code noise_range_t}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public TimmCosineLR noiseRangeT(List<Double> perGroup) {
    return set("noise_range_t", List.copyOf(perGroup));
  }

  /**
   * {@code noise_pct}: noise limit; default 0.67; in [0, inf).
   *
   * @param noisePct the value of {@code noise_pct}
   * @return this spec
   */
  public TimmCosineLR noisePct(double noisePct) {
    return set("noise_pct", noisePct);
  }

  /**
   * {@code noise_std}: noise standard deviation; default 1.0; in [0, inf).
   *
   * @param noiseStd the value of {@code noise_std}
   * @return this spec
   */
  public TimmCosineLR noiseStd(double noiseStd) {
    return set("noise_std", noiseStd);
  }

  /**
   * {@code noise_seed}: noise seed; default 42.
   *
   * @param noiseSeed the value of {@code noise_seed}
   * @return this spec
   */
  public TimmCosineLR noiseSeed(int noiseSeed) {
    return set("noise_seed", noiseSeed);
  }

  /**
   * {@code k_decay}: shape of the cosine; default 1.0; in (0, inf).
   *
   * @param kDecay the value of {@code k_decay}
   * @return this spec
   */
  public TimmCosineLR kDecay(double kDecay) {
    return set("k_decay", kDecay);
  }
}
