package dev.anneal.schedule.recipe;

import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Kwargs;
import dev.anneal.schedule.LambdaLR;
import dev.anneal.spec.Spec;
import java.util.function.IntToDoubleFunction;

/**
 * The schedules of Hugging Face transformers' {@code optimization.py}, same names of arguments,
 * same defaults, same factor functions of the step (each is a {@code LambdaLR} there, and here):
 * {@code LinearWithWarmupLR} ({@code get_linear_schedule_with_warmup}), {@code CosineWithWarmupLR},
 * {@code CosineWithHardRestartsWithWarmupLR}, {@code PolynomialWithWarmupLR},
 * {@code ConstantWithWarmupLR}, {@code InverseSqrtLR}, {@code WarmupStableDecayLR} ({@code get_wsd_schedule}).
 *
 * <p>One difference: transformers' polynomial decay divides by the optimizer's default lr for
 * every group; here each group decays from its own base lr to {@code lr_end}, so per-group lrs
 * stay proportional (identical when all groups share one lr).
 */
public final class TransformersSchedules {
  private TransformersSchedules() {}

  public static boolean handles(String type) {
    return switch (type) {
      case "LinearWithWarmupLR", "CosineWithWarmupLR", "CosineWithHardRestartsWithWarmupLR", "PolynomialWithWarmupLR",
          "ConstantWithWarmupLR", "InverseSqrtLR", "WarmupStableDecayLR" -> true;
      default -> false;
    };
  }

  public static LambdaLR create(Spec spec, GroupSource groups) {
    return switch (spec.type()) {
      case "ConstantWithWarmupLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "last_epoch");
        yield LambdaLR.named(spec.type(), groups, constantWithWarmup(k.requireInt("num_warmup_steps")));
      }
      case "LinearWithWarmupLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "num_training_steps", "last_epoch");
        yield LambdaLR.named(spec.type(), groups, linearWithWarmup(k.requireInt("num_warmup_steps"), k.requireInt("num_training_steps")));
      }
      case "CosineWithWarmupLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch");
        yield LambdaLR.named(spec.type(), groups,
            cosineWithWarmup(k.requireInt("num_warmup_steps"), k.requireInt("num_training_steps"), k.getDouble("num_cycles", 0.5)));
      }
      case "CosineWithHardRestartsWithWarmupLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch");
        yield LambdaLR.named(spec.type(), groups, cosineWithHardRestartsWithWarmup(k.requireInt("num_warmup_steps"),
            k.requireInt("num_training_steps"), k.getDouble("num_cycles", 1)));
      }
      case "PolynomialWithWarmupLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "num_training_steps", "lr_end", "power", "last_epoch");
        int warmup = k.requireInt("num_warmup_steps");
        int training = k.requireInt("num_training_steps");
        double lrEnd = k.getDouble("lr_end", 1e-7);
        double power = k.getDouble("power", 1.0);
        // The factor depends on each group's base lr: one function per group, resolved on first use.
        PerGroupPolynomial poly = new PerGroupPolynomial(groups, warmup, training, lrEnd, power);
        yield poly.scheduler(spec.type());
      }
      case "InverseSqrtLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "timescale", "last_epoch");
        int warmup = k.requireInt("num_warmup_steps");
        int timescale = k.has("timescale") ? k.requireInt("timescale") : (warmup != 0 ? warmup : 10_000);
        yield LambdaLR.named(spec.type(), groups, inverseSqrt(warmup, timescale));
      }
      case "WarmupStableDecayLR" -> {
        Kwargs k = Kwargs.of(spec, "num_warmup_steps", "num_decay_steps", "num_training_steps", "num_stable_steps", "warmup_type",
            "decay_type", "min_lr_ratio", "num_cycles", "last_epoch");
        int warmup = k.requireInt("num_warmup_steps");
        int decay = k.requireInt("num_decay_steps");
        int stable;
        if (k.has("num_stable_steps")) {
          stable = k.requireInt("num_stable_steps");
        } else if (k.has("num_training_steps")) {
          stable = k.requireInt("num_training_steps") - warmup - decay;
        } else {
          throw new IllegalArgumentException("WarmupStableDecayLR needs num_training_steps or num_stable_steps");
        }
        yield LambdaLR.named(spec.type(), groups, warmupStableDecay(warmup, stable, decay, k.getString("warmup_type", "linear"),
            k.getString("decay_type", "cosine"), k.getDouble("min_lr_ratio", 0), k.getDouble("num_cycles", 0.5)));
      }
      default -> throw new IllegalArgumentException("not a transformers schedule: " + spec.type());
    };
  }

  private static double warmupFraction(int step, int warmup) {
    return (double) step / Math.max(1, warmup);
  }

  public static IntToDoubleFunction constantWithWarmup(int warmup) {
    return step -> step < warmup ? (double) step / Math.max(1.0, warmup) : 1.0;
  }

  public static IntToDoubleFunction linearWithWarmup(int warmup, int training) {
    return step -> step < warmup
        ? warmupFraction(step, warmup)
        : Math.max(0.0, (double) (training - step) / Math.max(1, training - warmup));
  }

  public static IntToDoubleFunction cosineWithWarmup(int warmup, int training, double numCycles) {
    return step -> {
      if (step < warmup) {
        return warmupFraction(step, warmup);
      }
      double progress = (double) (step - warmup) / Math.max(1, training - warmup);
      return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress)));
    };
  }

  public static IntToDoubleFunction cosineWithHardRestartsWithWarmup(int warmup, int training, double numCycles) {
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

  /** transformers' polynomial decay for one group's base lr {@code lrInit}. */
  public static IntToDoubleFunction polynomialWithWarmup(int warmup, int training, double lrInit, double lrEnd, double power) {
    if (!(lrInit > lrEnd)) {
      throw new IllegalArgumentException("PolynomialWithWarmupLR lr_end (" + lrEnd + ") must be smaller than the initial lr (" + lrInit + ")");
    }
    return step -> {
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
    };
  }

  public static IntToDoubleFunction inverseSqrt(int warmup, int timescale) {
    return step -> {
      if (step < warmup) {
        return warmupFraction(step, warmup);
      }
      int shift = timescale - warmup;
      return 1.0 / Math.sqrt((double) (step + shift) / timescale);
    };
  }

  public static IntToDoubleFunction warmupStableDecay(int warmup, int stable, int decay, String warmupType, String decayType,
      double minLrRatio, double numCycles) {
    for (String type : new String[] {warmupType, decayType}) {
      if (!type.equals("linear") && !type.equals("cosine") && !type.equals("1-sqrt")) {
        throw new IllegalArgumentException("WarmupStableDecayLR warmup_type/decay_type must be linear, cosine or 1-sqrt, was " + type);
      }
    }
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

  /** Polynomial decay needs each group's base lr, known only once the groups are registered. */
  private static final class PerGroupPolynomial {
    private final GroupSource groups;
    private final int warmup;
    private final int training;
    private final double lrEnd;
    private final double power;

    PerGroupPolynomial(GroupSource groups, int warmup, int training, double lrEnd, double power) {
      this.groups = groups;
      this.warmup = warmup;
      this.training = training;
      this.lrEnd = lrEnd;
      this.power = power;
    }

    LambdaLR scheduler(String type) {
      for (int g = 0; g < groups.size(); g++) {
        polynomialWithWarmup(warmup, training, groups.get(g).initialLr(), lrEnd, power); // validates lr_end per group
      }
      return LambdaLR.named(type, groups, new BaseAware(this));
    }
  }

  /**
   * Marker function: {@link LambdaLR} multiplies the base lr by the factor; for polynomial decay
   * the factor is {@code decay(base) / base}, computed here from the base lr handed over by
   * {@link LambdaLR}.
   */
  static final class BaseAware implements IntToDoubleFunction, LambdaLR.BaseAwareFactor {
    private final PerGroupPolynomial p;

    BaseAware(PerGroupPolynomial p) {
      this.p = p;
    }

    @Override
    public double applyAsDouble(int step) {
      throw new UnsupportedOperationException("needs the group's base lr");
    }

    @Override
    public double factor(int step, double baseLr) {
      if (step < p.warmup) {
        return warmupFraction(step, p.warmup);
      } else if (step > p.training) {
        return p.lrEnd / baseLr;
      }
      double lrRange = baseLr - p.lrEnd;
      int decaySteps = p.training - p.warmup;
      double pctRemaining = 1 - (double) (step - p.warmup) / decaySteps;
      double decay = lrRange * Math.pow(pctRemaining, p.power) + p.lrEnd;
      return decay / baseLr;
    }
  }
}
