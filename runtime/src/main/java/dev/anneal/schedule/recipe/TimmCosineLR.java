package dev.anneal.schedule.recipe;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.Curves;
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
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "timm.CosineLRScheduler";
  private final LrCurve cosine;
  private final double noiseStart;
  private final double noiseEnd;
  private final double noisePct;
  private final long noiseSeed;

  /** @param k the arguments, checked and defaulted by the descriptor */
  public TimmCosineLR(GroupSource groups, Values k) {
    super(TYPE, groups);
    this.cosine = Curves.timmCosineWithoutNoise(k);
    List<Double> range = k.has("noise_range_t") ? k.numbers("noise_range_t") : List.of();
    if (range.size() > 2) {
      throw new IllegalArgumentException("timm.CosineLRScheduler noise_range_t must be a number or [start, end], was " + range);
    }
    this.noiseStart = range.isEmpty() ? Double.POSITIVE_INFINITY : range.get(0);
    this.noiseEnd = range.size() == 2 ? range.get(1) : Double.POSITIVE_INFINITY;
    this.noisePct = k.number("noise_pct");
    this.noiseSeed = k.integer("noise_seed");
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    double lr = cosine.lr(g, base, lastEpoch);
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
