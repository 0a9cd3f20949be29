package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Values;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The closed forms of the built-in schedules, each a pure function of the position: PyTorch's
 * {@code _get_closed_form_lr} (and, where PyTorch has none, the formula its recursive form
 * computes), transformers' lambdas, timm's cosine. The runtime's schedulers, its tests and the
 * processor's preview all evaluate these.
 */
public final class Curves {
  private Curves() {}

  static LrCurve step(Values v) {
    int size = v.integer("step_size");
    double gamma = v.number("gamma");
    return LrCurve.proportional(t -> Math.pow(gamma, Math.floorDiv(t, size)));
  }

  static LrCurve multiStep(Values v) {
    int[] milestones = v.ints("milestones");
    Arrays.sort(milestones);
    double gamma = v.number("gamma");
    return LrCurve.proportional(t -> Math.pow(gamma, bisectRight(milestones, t)));
  }

  /** Python's {@code bisect_right}: how many of the sorted {@code values} are at most {@code t}. */
  static int bisectRight(int[] values, long t) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t < values[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static LrCurve constant(Values v) {
    double factor = v.number("factor");
    int total = v.integer("total_iters");
    // total_iters = 0: PyTorch's stepping never reaches the milestone and keeps the factor.
    return LrCurve.proportional(t -> total > 0 && t >= total ? 1 : factor);
  }

  static LrCurve linear(Values v) {
    double start = v.number("start_factor");
    double end = v.number("end_factor");
    int total = v.integer("total_iters");
    // total_iters = 0: PyTorch's stepping never ramps and keeps the start factor.
    return LrCurve.proportional(t -> total == 0 ? start : start + (end - start) * Math.min(total, t) / total);
  }

  static LrCurve exponential(Values v) {
    double gamma = v.number("gamma");
    return LrCurve.proportional(t -> Math.pow(gamma, t));
  }

  static LrCurve polynomial(Values v) {
    int total = v.integer("total_iters");
    double power = v.number("power");
    return LrCurve.proportional(t -> Math.pow(1.0 - (double) Math.min(total, t) / total, power));
  }

  static LrCurve cosine(Values v) {
    double tMax = v.integer("T_max");
    double etaMin = v.number("eta_min");
    return (g, base, t) -> cosineBetween(base, etaMin, t, tMax);
  }

  /** Half a cosine from {@code base} at {@code tCur = 0} to {@code etaMin} at {@code tCur = period}. */
  public static double cosineBetween(double base, double etaMin, double tCur, double period) {
    return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / period)) / 2;
  }

  static LrCurve warmRestarts(Values v) {
    int t0 = v.integer("T_0");
    int tMult = v.integer("T_mult");
    double etaMin = v.number("eta_min");
    return (g, base, t) -> {
      double[] cycle = warmRestartsCycle(t0, tMult, t);
      return cosineBetween(base, etaMin, cycle[0], cycle[1]);
    };
  }

  /**
   * SGDR's cycle at position {@code t} (fractional epochs too, as PyTorch's {@code step(epoch)}):
   * {@code {T_cur, T_i}}, the position inside the current cycle and the cycle's length.
   */
  public static double[] warmRestartsCycle(int t0, int tMult, double t) {
    if (t < t0) {
      return new double[] {t, t0};
    }
    if (tMult == 1) {
      return new double[] {t % t0, t0};
    }
    int n = (int) (Math.log(t / t0 * (tMult - 1) + 1) / Math.log(tMult));
    return new double[] {t - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1), t0 * Math.pow(tMult, n)};
  }

  /** A per-group argument's value for group {@code g} (one number for all, or one per group). */
  static double perGroup(List<Double> values, int g) {
    return values.size() == 1 ? values.get(0) : values.get(g);
  }

  static LrCurve oneCycle(Values v) {
    List<Double> maxLrs = v.numbers("max_lr");
    int total = OneCycle.totalSteps(v);
    double pct = v.number("pct_start");
    boolean cos = v.string("anneal_strategy").equals("cos");
    double div = v.number("div_factor");
    double finalDiv = v.number("final_div_factor");
    boolean three = v.flag("three_phase");
    return LrCurve.ignoringBase((g, base, t) -> {
      double maxLr = perGroup(maxLrs, g);
      double initial = maxLr / div;
      double min = initial / finalDiv;
      double[] ends;
      double[] starts;
      double[] targets;
      if (three) {
        ends = new double[] {pct * total - 1, 2 * pct * total - 2, total - 1};
        starts = new double[] {initial, maxLr, initial};
        targets = new double[] {maxLr, initial, min};
      } else {
        ends = new double[] {pct * total - 1, total - 1};
        starts = new double[] {initial, maxLr};
        targets = new double[] {maxLr, min};
      }
      double startStep = 0;
      for (int i = 0; i < ends.length; i++) {
        if (t <= ends[i] || i == ends.length - 1) {
          double p = (t - startStep) / (ends[i] - startStep);
          return cos ? targets[i] + (starts[i] - targets[i]) / 2.0 * (Math.cos(Math.PI * p) + 1)
              : (targets[i] - starts[i]) * p + starts[i];
        }
        startStep = ends[i];
      }
      throw new AssertionError("unreachable");
    });
  }

  /** CyclicLR's lr for its built-in modes; no closed form with a {@code scale_fn}. */
  static LrCurve cyclic(Values v) {
    if (v.has("scale_fn")) {
      return null;
    }
    List<Double> baseLrs = v.numbers("base_lr");
    List<Double> maxLrs = v.numbers("max_lr");
    double up = v.number("step_size_up");
    double down = v.has("step_size_down") ? v.number("step_size_down") : up;
    double totalSize = up + down;
    double stepRatio = up / totalSize;
    String mode = v.string("mode");
    double gamma = v.number("gamma");
    return LrCurve.ignoringBase((g, base, t) -> {
      double cycle = Math.floor(1 + t / totalSize);
      double x = 1.0 + t / totalSize - cycle;
      double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
      double lo = perGroup(baseLrs, g);
      double height = (perGroup(maxLrs, g) - lo) * scaleFactor;
      double scale = switch (mode) {
        case "triangular" -> 1.0;
        case "triangular2" -> 1 / Math.pow(2, cycle - 1);
        default -> Math.pow(gamma, t);
      };
      return lo + height * scale;
    });
  }

  /** LambdaLR with one Java function for every group: base lr times {@code lr_lambda(t)}. */
  static LrCurve lambda(Values v) {
    Object fn = v.get("lr_lambda");
    if (fn instanceof IntToDoubleFunction f) {
      return LrCurve.proportional(t -> f.applyAsDouble((int) t));
    }
    return null;
  }

  static LrCurve sequential(Values v, List<LrCurve> children) {
    int[] milestones = v.ints("milestones");
    if (children.size() != milestones.length + 1 || children.stream().anyMatch(LrCurve::absolute)) {
      return null;
    }
    return (g, base, t) -> {
      int phase = bisectRight(milestones, t);
      long start = phase == 0 ? 0 : milestones[phase - 1];
      return children.get(phase).lr(g, base, t - start);
    };
  }

  /** ChainedScheduler multiplies its children's factors; in closed form only when every child is a ratio schedule. */
  static LrCurve chained(List<LrCurve> children) {
    if (children.isEmpty() || !children.stream().allMatch(LrCurve::proportional)) {
      return null;
    }
    return LrCurve.proportional(t -> {
      double factor = 1;
      for (LrCurve child : children) {
        factor *= child.lr(0, 1.0, t);
      }
      return factor;
    });
  }

  /** The warmup curves' factor at {@code a = t / warmup_steps} (detectron2's shapes). */
  public static double warmupFactor(String type, double factor, double a) {
    return switch (type) {
      case "ConstantWarmup" -> factor;
      case "LinearWarmup" -> factor * (1 - a) + a;
      case "CosineWarmup" -> factor + (1 - factor) * (1 - Math.cos(Math.PI * a)) / 2;
      case "ExponentialWarmup" -> Math.pow(factor, 1 - a);
      default -> throw new IllegalArgumentException("not a warmup: " + type);
    };
  }

  static LrCurve warmup(String type, Values v, List<LrCurve> children) {
    int steps = v.integer("warmup_steps");
    double factor = v.number("warmup_factor");
    LrCurve next = children.isEmpty() ? null : children.get(0);
    if (next != null && next.absolute()) {
      return null;
    }
    LrCurve curve = (g, base, t) -> {
      if (t < steps) {
        return base * warmupFactor(type, factor, (double) t / steps);
      }
      return next == null ? base : next.lr(g, base, t - steps);
    };
    if (next != null && !next.proportional()) {
      return curve;
    }
    return LrCurve.proportional(t -> curve.lr(0, 1.0, t));
  }

  /** timm's cosine; no closed form with noise (the runtime adds its seeded noise to {@link #timmCosineWithoutNoise}). */
  static LrCurve timmCosine(Values v) {
    return v.has("noise_range_t") ? null : timmCosineWithoutNoise(v);
  }

  /** timm's {@code _get_lr} before noise. */
  public static LrCurve timmCosineWithoutNoise(Values v) {
    double tInitial = v.integer("t_initial");
    double lrMin = v.number("lr_min");
    double cycleMul = v.number("cycle_mul");
    double cycleDecay = v.number("cycle_decay");
    int cycleLimit = v.integer("cycle_limit");
    int warmupT = v.integer("warmup_t");
    double warmupLrInit = v.number("warmup_lr_init");
    boolean warmupPrefix = v.flag("warmup_prefix");
    double kDecay = v.number("k_decay");
    return (g, base, step) -> {
      double t = step;
      if (t < warmupT) {
        return warmupLrInit + t * ((base - warmupLrInit) / warmupT);
      }
      if (warmupPrefix) {
        t = t - warmupT;
      }
      double i;
      double tI;
      double tCurr;
      if (cycleMul != 1) {
        i = Math.floor(Math.log(1 - t / tInitial * (1 - cycleMul)) / Math.log(cycleMul));
        tI = Math.pow(cycleMul, i) * tInitial;
        tCurr = t - (1 - Math.pow(cycleMul, i)) / (1 - cycleMul) * tInitial;
      } else {
        i = Math.floor(t / tInitial);
        tI = tInitial;
        tCurr = t - (tInitial * i);
      }
      double lrMax = base * Math.pow(cycleDecay, i);
      if (i < cycleLimit) {
        return lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay)));
      }
      return lrMin;
    };
  }
}
