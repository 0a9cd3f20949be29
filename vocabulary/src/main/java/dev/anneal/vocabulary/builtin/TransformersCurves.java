package dev.anneal.vocabulary.builtin;

import java.util.function.LongToDoubleFunction;

/**
 * The factor functions of Hugging Face transformers' {@code optimization.py} schedules (each a
 * {@code LambdaLR} there), with transformers' arguments; the runtime's recipes run these.
 */
public final class TransformersCurves {
  private TransformersCurves() {}

  private static double warmupFraction(long step, int warmup) {
    return (double) step / Math.max(1, warmup);
  }

  public static LongToDoubleFunction constantWithWarmup(int warmup) {
    return step -> step < warmup ? (double) step / Math.max(1.0, warmup) : 1.0;
  }

  public static LongToDoubleFunction linearWithWarmup(int warmup, int training) {
    return step -> step < warmup
        ? warmupFraction(step, warmup)
        : Math.max(0.0, (double) (training - step) / Math.max(1, training - warmup));
  }

  public static LongToDoubleFunction cosineWithWarmup(int warmup, int training, double numCycles) {
    return step -> {
      if (step < warmup) {
        return warmupFraction(step, warmup);
      }
      double progress = (double) (step - warmup) / Math.max(1, training - warmup);
      return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress)));
    };
  }

  public static LongToDoubleFunction cosineWithHardRestartsWithWarmup(int warmup, int training, double numCycles) {
    return step -> {
      if (step < warmup) {
        return warmupFraction(step, warmup);
      }
      double progress = (double) (step - warmup) / Math.max(1, training - warmup);
      if (progress >= 1.0) {
        return 0.0;
      }
      double x = numCycles * progress;
      return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * (x - Math.floor(x)))));
    };
  }

  /**
   * transformers' polynomial decay as a factor of a group's base lr {@code lrInit} (transformers
   * divides by the optimizer's default lr; per group, lrs stay proportional).
   */
  public static double polynomialWithWarmup(long step, int warmup, int training, double lrInit, double lrEnd, double power) {
    if (step < warmup) {
      return warmupFraction(step, warmup);
    } else if (step > training) {
      return lrEnd / lrInit;
    }
    double lrRange = lrInit - lrEnd;
    int decaySteps = training - warmup;
    double pctRemaining = 1 - (double) (step - warmup) / decaySteps;
    double decay = lrRange * Math.pow(pctRemaining, power) + lrEnd;
    return decay / lrInit;
  }

  public static LongToDoubleFunction inverseSqrt(int warmup, int timescale) {
    return step -> {
      if (step < warmup) {
        return warmupFraction(step, warmup);
      }
      int shift = timescale - warmup;
      return 1.0 / Math.sqrt((double) (step + shift) / timescale);
    };
  }

  /** {@code timescale=None}: {@code num_warmup_steps}, or 10,000 without a warmup. */
  public static int timescale(Integer given, int warmup) {
    return given != null ? given : warmup != 0 ? warmup : 10_000;
  }

  public static LongToDoubleFunction warmupStableDecay(int warmup, int stable, int decay, String warmupType, String decayType,
      double minLrRatio, double numCycles) {
    return step -> {
      if (step < warmup) {
        double progress = warmupFraction(step, warmup);
        double factor = switch (warmupType) {
          case "linear" -> progress;
          case "cosine" -> 0.5 * (1.0 - Math.cos(Math.PI * progress));
          default -> 1.0 - Math.sqrt(1.0 - progress);
        };
        return Math.max(0.0, factor * (1.0 - minLrRatio) + minLrRatio);
      }
      if (step < warmup + stable) {
        return 1.0;
      }
      if (step < warmup + stable + decay) {
        double progress = (double) (step - warmup - stable) / Math.max(1, decay);
        double factor = switch (decayType) {
          case "linear" -> 1.0 - progress;
          case "cosine" -> 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
          default -> 1.0 - Math.sqrt(progress);
        };
        return Math.max(0.0, factor * (1.0 - minLrRatio) + minLrRatio);
      }
      return minLrRatio;
    };
  }

  /** WarmupStableDecayLR's stable phase: {@code num_stable_steps}, or what {@code num_training_steps} leaves. */
  public static int stableSteps(Integer stable, Integer training, int warmup, int decay) {
    return stable != null ? stable : training - warmup - decay;
  }

  /**
   * The Hugging Face Trainer's {@code get_warmup_steps} for a ratio ({@code training_args.py}):
   * {@code ceil(num_training_steps * warmup_ratio)}, in floating point as Python computes it (0.1 * 30
   * is 3.0000000000000004, so 4 steps).
   */
  public static int warmupSteps(double warmupRatio, int numTrainingSteps) {
    return (int) Math.ceil(numTrainingSteps * warmupRatio);
  }

  /** {@code num_warmup_steps} as given, or from {@code warmup_ratio} and {@code num_training_steps}. */
  public static int numWarmupSteps(dev.anneal.vocabulary.Values v) {
    if (v.has("num_warmup_steps") || !v.descriptor().argument("warmup_ratio").isPresent() || !v.has("warmup_ratio")) {
      return v.integer("num_warmup_steps");
    }
    return warmupSteps(v.number("warmup_ratio"), v.integer("num_training_steps"));
  }

  /** The rule of the recipes that take a ratio: {@code num_warmup_steps} or {@code warmup_ratio}, one of them. */
  public static String warmupStepsOrRatio(dev.anneal.vocabulary.Values v) {
    if (v.has("num_warmup_steps") && v.has("warmup_ratio")) {
      return "gives both num_warmup_steps and warmup_ratio; give one of them";
    }
    return v.has("num_warmup_steps") || v.has("warmup_ratio") ? null : "needs num_warmup_steps or warmup_ratio";
  }
}
