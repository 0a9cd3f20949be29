package dev.anneal.swa;

/**
 * timm's {@code ModelEmaV3} decay per update: 0 (a copy) for the first {@code updateAfterStep + 1}
 * steps, then {@code decay}, or with warmup {@code 1 - (1 + s / warmupGamma)^-warmupPower}
 * clamped to {@code [minDecay, decay]} where {@code s = step - updateAfterStep - 1}.
 * {@code inv_gamma = 1, power = 2/3} reaches 0.999 at 31.6k steps; {@code power = 3/4} at 10k.
 *
 * @param decay the decay once warmed up (with warmup: its upper bound), in {@code [0, 1]}
 * @param minDecay the lower bound of the warmup's decay, in {@code [0, decay]}
 * @param updateAfterStep steps that only copy the weights (decay 0) before averaging starts
 * @param useWarmup whether the decay warms up as above instead of being {@code decay} at once
 * @param warmupGamma timm's {@code warmup_gamma} ({@code inv_gamma}), positive
 * @param warmupPower timm's {@code warmup_power}
 */
public record EmaDecay(double decay, double minDecay, int updateAfterStep, boolean useWarmup, double warmupGamma,
    double warmupPower) {

  /** Checks the ranges above. */
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

  /**
   * A fixed decay (timm's defaults otherwise: no warmup, updates from the first step).
   *
   * @param decay the decay, in {@code [0, 1]}
   * @return the decay schedule
   */
  public static EmaDecay fixed(double decay) {
    return new EmaDecay(decay, 0.0, 0, false, 1.0, 2.0 / 3);
  }

  /**
   * timm's warmup with {@code warmup_gamma} and {@code warmup_power} up to {@code decay}.
   *
   * @param decay the upper bound, in {@code [0, 1]}
   * @param warmupGamma timm's {@code warmup_gamma}, positive
   * @param warmupPower timm's {@code warmup_power}
   * @return the decay schedule
   */
  public static EmaDecay warmup(double decay, double warmupGamma, double warmupPower) {
    return new EmaDecay(decay, 0.0, 0, true, warmupGamma, warmupPower);
  }

  /**
   * This decay with another lower bound.
   *
   * @param value the lower bound, in {@code [0, decay]}
   * @return the changed copy
   */
  public EmaDecay minDecay(double value) {
    return new EmaDecay(decay, value, updateAfterStep, useWarmup, warmupGamma, warmupPower);
  }

  /**
   * This decay with another number of copying steps.
   *
   * @param steps steps that only copy the weights, at least 0
   * @return the changed copy
   */
  public EmaDecay updateAfterStep(int steps) {
    return new EmaDecay(decay, minDecay, steps, useWarmup, warmupGamma, warmupPower);
  }

  /**
   * timm's {@code get_decay(step)}.
   *
   * @param step as timm counts it: optimizer steps taken so far, 1 after the first
   * @return the decay of the update after that step
   */
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
