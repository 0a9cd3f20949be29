package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Values;
import java.util.List;

/**
 * {@code CosineAnnealingWarmupRestarts} of katsura-jp's pytorch-cosine-annealing-with-warmup
 * ({@code cosine_annealing_warmup/scheduler.py}): each cycle warms up linearly from {@code min_lr}
 * to its peak over {@code warmup_steps}, then follows half a cosine back towards {@code min_lr};
 * the peak is {@code max_lr * gamma^cycle}, and each cycle after the warmup is {@code cycle_mult}
 * times longer than the one before, truncated to whole steps as the reference's {@code int(...)} does.
 *
 * <p>The lrs are absolute: every group's own lr is ignored, and right after construction every
 * group holds {@code min_lr} (the reference's {@code init_lr}), even where the formula at
 * position 0 would give the peak ({@code warmup_steps = 0}).
 */
public final class WarmupRestarts {
  private WarmupRestarts() {}

  /** The curve of resolved arguments, position {@code t} counted in the scheduler's own steps. */
  static LrCurve curve(Values v) {
    int first = v.integer("first_cycle_steps");
    double mult = v.number("cycle_mult");
    int warmup = v.integer("warmup_steps");
    double gamma = v.number("gamma");
    List<Double> maxLrs = v.numbers("max_lr");
    List<Double> minLrs = v.numbers("min_lr");
    return LrCurve.ignoringBase((g, base, t) -> {
      double min = Curves.perGroup(minLrs, g);
      if (t == 0) {
        return min;
      }
      Position p = position(first, mult, warmup, t);
      return lr(min, Curves.perGroup(maxLrs, g) * Math.pow(gamma, p.cycle()), p.stepInCycle(), p.cycleSteps(), warmup);
    });
  }

  /**
   * Where position {@code t} falls when the scheduler is stepped {@code t} times from construction:
   * its cycle, the step inside it and the cycle's length.
   */
  public static Position position(int firstCycleSteps, double cycleMult, int warmupSteps, long t) {
    double s = t;
    double cycleSteps = firstCycleSteps;
    long cycle = 0;
    while (s >= cycleSteps) {
      double next = nextCycleSteps(cycleSteps, cycleMult, warmupSteps);
      if (next == cycleSteps) {
        // the length stopped changing (cycle_mult 1, or shrunk to the warmup): count the rest at once
        long whole = (long) Math.floor(s / cycleSteps);
        return new Position(cycle + whole, s - whole * cycleSteps, cycleSteps);
      }
      s -= cycleSteps;
      cycle++;
      cycleSteps = next;
    }
    return new Position(cycle, s, cycleSteps);
  }

  /** The next cycle's length: the reference's {@code int((cur - warmup_steps) * cycle_mult) + warmup_steps}. */
  public static double nextCycleSteps(double cycleSteps, double cycleMult, int warmupSteps) {
    return (double) (long) ((cycleSteps - warmupSteps) * cycleMult) + warmupSteps;
  }

  /** The reference's {@code get_lr} for one group, in its order of operations. */
  public static double lr(double min, double peak, double stepInCycle, double cycleSteps, int warmupSteps) {
    if (stepInCycle < warmupSteps) {
      return (peak - min) * stepInCycle / warmupSteps + min;
    }
    return min + (peak - min) * (1 + Math.cos(Math.PI * (stepInCycle - warmupSteps) / (cycleSteps - warmupSteps))) / 2;
  }

  static String warmupShorterThanCycle(Values v) {
    return v.integer("warmup_steps") < v.integer("first_cycle_steps") ? null
        : "warmup_steps must be smaller than first_cycle_steps, was " + v.integer("warmup_steps") + " >= "
            + v.integer("first_cycle_steps");
  }

  static String cyclesKeepSteps(Values v) {
    return v.number("cycle_mult") < 1 && v.integer("warmup_steps") == 0
        ? "cycle_mult below 1 needs warmup_steps above 0: the cycles shrink to 0 steps, where the reference divides by zero"
        : null;
  }

  /** A position in the schedule: the cycle (from 0), the step inside it and the cycle's length. */
  public record Position(long cycle, double stepInCycle, double cycleSteps) {}
}
