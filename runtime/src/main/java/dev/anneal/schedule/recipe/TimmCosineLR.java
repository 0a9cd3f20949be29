package dev.anneal.schedule.recipe;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Kwargs;
import dev.anneal.spec.Spec;
import java.util.List;

/**
 * timm's {@code CosineLRScheduler} (type {@code timm.CosineLRScheduler}, timm's keyword arguments):
 * cosine cycles of {@code t_initial} positions, each {@code cycle_mul} times longer and peaking
 * {@code cycle_decay} times lower, at most {@code cycle_limit} cycles (then {@code lr_min}),
 * {@code k_decay} shaping, a linear warmup from {@code warmup_lr_init} over {@code warmup_t}, and
 * optional noise. The position is this schedule's own step count ({@code t_in_epochs} is accepted:
 * whether a step is an epoch or an optimizer step is the plan's {@code Interval}).
 *
 * <p>Noise: where timm applies it ({@code noise_range_t}), lr becomes {@code lr * (1 + n)} with
 * {@code n} drawn from a standard normal distribution and redrawn until {@code |n| < noise_pct}
 * ({@code noise_std} is accepted and, as in timm 1.0, unused). The draw is a pure function of {@code noise_seed + t} (as timm seeds a
 * generator with {@code noise_seed + t}), so a resumed run is identical; the generator is Anneal's
 * own (SplitMix64 with Box-Muller), so the noise values are not timm's.
 */
public final class TimmCosineLR extends AbstractLrScheduler {
  public static final String TYPE = "timm.CosineLRScheduler";
  private final double tInitial;
  private final double lrMin;
  private final double cycleMul;
  private final double cycleDecay;
  private final int cycleLimit;
  private final int warmupT;
  private final double warmupLrInit;
  private final boolean warmupPrefix;
  private final double noiseStart;
  private final double noiseEnd;
  private final double noisePct;
  private final long noiseSeed;
  private final double kDecay;

  public TimmCosineLR(GroupSource groups, Spec spec) {
    super(TYPE, groups);
    Kwargs k = Kwargs.of(spec, "t_initial", "lr_min", "cycle_mul", "cycle_decay", "cycle_limit", "warmup_t", "warmup_lr_init",
        "warmup_prefix", "t_in_epochs", "noise_range_t", "noise_pct", "noise_std", "noise_seed", "k_decay", "initialize");
    this.tInitial = k.requireDouble("t_initial");
    if (tInitial <= 0) {
      throw new IllegalArgumentException("timm.CosineLRScheduler t_initial must be positive, was " + tInitial);
    }
    this.lrMin = k.getDouble("lr_min", 0);
    this.cycleMul = k.getDouble("cycle_mul", 1);
    this.cycleDecay = k.getDouble("cycle_decay", 1);
    this.cycleLimit = k.getInt("cycle_limit", 1);
    this.warmupT = k.getInt("warmup_t", 0);
    this.warmupLrInit = k.getDouble("warmup_lr_init", 0);
    this.warmupPrefix = k.getBoolean("warmup_prefix", false);
    Object range = spec.get("noise_range_t");
    if (range == null) {
      noiseStart = Double.POSITIVE_INFINITY;
      noiseEnd = Double.POSITIVE_INFINITY;
    } else if (range instanceof Number n) {
      noiseStart = n.doubleValue();
      noiseEnd = Double.POSITIVE_INFINITY;
    } else if (range instanceof List<?> list && list.size() == 2) {
      noiseStart = ((Number) list.get(0)).doubleValue();
      noiseEnd = ((Number) list.get(1)).doubleValue();
    } else {
      throw new IllegalArgumentException("timm.CosineLRScheduler noise_range_t must be a number or [start, end], was " + range);
    }
    this.noisePct = k.getDouble("noise_pct", 0.67);
    this.noiseSeed = k.getInt("noise_seed", 42);
    this.kDecay = k.getDouble("k_decay", 1.0);
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    double t = lastEpoch;
    double lr;
    if (t < warmupT) {
      lr = warmupLrInit + t * ((base - warmupLrInit) / warmupT);
    } else {
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
        lr = lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay)));
      } else {
        lr = lrMin;
      }
    }
    if (lastEpoch >= noiseStart && lastEpoch < noiseEnd) {
      lr = lr + lr * noise(lastEpoch);
    }
    return lr;
  }

  /** A standard normal draw redrawn until below noise_pct in magnitude; a pure function of noise_seed + t. */
  double noise(int t) {
    long state = noiseSeed + t;
    for (int attempt = 0; attempt < 1000; attempt++) {
      state += 0x9E3779B97F4A7C15L;
      double u1 = uniform(state);
      state += 0x9E3779B97F4A7C15L;
      double u2 = uniform(state);
      double n = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      if (Math.abs(n) < noisePct) {
        return n;
      }
    }
    return 0;
  }

  /** SplitMix64's mix to a double in (0, 1]. */
  private static double uniform(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return ((z >>> 11) + 1) * 0x1.0p-53;
  }
}
