package dev.anneal.swa;

/**
 * timm's {@code ModelEmaV3} decay per update: 0 (a copy) for the first {@code updateAfterStep + 1}
 * steps, then {@code decay}, or with warmup {@code 1 - (1 + s / warmupGamma)^-warmupPower}
 * clamped to {@code [minDecay, decay]} where {@code s = step - updateAfterStep - 1}.
 * {@code inv_gamma = 1, power = 2/3} reaches 0.999 at 31.6k steps; {@code power = 3/4} at 10k.
 *
 * @param step as timm counts it: optimizer steps taken so far, 1 after the first
 */
public record EmaDecay(double decay, double minDecay, int updateAfterStep, boolean useWarmup, double warmupGamma,
    double warmupPower) {

  public EmaDecay {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1], was " + decay);
    }
    if (!(minDecay >= 0 && minDecay <= decay)) {
      throw new IllegalArgumentException("EMA min_decay must be in [0, decay], was " + minDecay);
    }
    if (updateAfterStep < 0) {
      throw new IllegalArgumentException("EMA update_after_step must be at least 0, was " + updateAfterStep);
    }
    if (useWarmup && !(warmupGamma > 0)) {
      throw new IllegalArgumentException("EMA warmup_gamma must be positive, was " + warmupGamma);
    }
  }

  /** A fixed decay (timm's defaults otherwise: no warmup, updates from the first step). */
  public static EmaDecay fixed(double decay) {
    return new EmaDecay(decay, 0.0, 0, false, 1.0, 2.0 / 3);
  }

  /** timm's warmup with {@code warmup_gamma} and {@code warmup_power} up to {@code decay}. */
  public static EmaDecay warmup(double decay, double warmupGamma, double warmupPower) {
    return new EmaDecay(decay, 0.0, 0, true, warmupGamma, warmupPower);
  }

  public EmaDecay minDecay(double value) {
    return new EmaDecay(decay, value, updateAfterStep, useWarmup, warmupGamma, warmupPower);
  }

  public EmaDecay updateAfterStep(int steps) {
    return new EmaDecay(decay, minDecay, steps, useWarmup, warmupGamma, warmupPower);
  }

  /** timm's {@code get_decay(step)}. */
  public double at(long step) {
    long s = Math.max(0, step - updateAfterStep - 1);
    if (s <= 0) {
      return 0.0;
    }
    if (!useWarmup) {
      return decay;
    }
    double d = 1 - Math.pow(1 + s / warmupGamma, -warmupPower);
    return Math.max(Math.min(d, decay), minDecay);
  }
}
