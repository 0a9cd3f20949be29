package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Values;

/**
 * fairseq's {@code inverse_sqrt} schedule ({@code fairseq/optim/lr_scheduler/inverse_square_root_schedule.py}):
 * a linear warmup from {@code warmup_init_lr} to the lr over {@code warmup_updates} updates, then
 * {@code lr * sqrt(warmup_updates) / sqrt(num_updates)}. A negative {@code warmup_init_lr} (fairseq's
 * default -1) means 0. fairseq gives every group one lr; here each group warms up from the same
 * {@code warmup_init_lr} to its own lr, and decays from it.
 */
public final class FairseqCurves {
  /** The descriptor's type name. */
  public static final String INVERSE_SQRT = "fairseq.InverseSquareRootSchedule";

  private FairseqCurves() {}

  /** fairseq's {@code warmup_init_lr} after its default: 0 when negative (warmup_updates is at least 1 here). */
  public static double warmupInitLr(double given) {
    return given < 0 ? 0 : given;
  }

  /**
   * The lr of update {@code numUpdates} (0-based: fairseq's {@code step_update(num_updates)} sets the
   * lr the next update runs with), computed as fairseq computes it.
   */
  public static double inverseSqrt(long numUpdates, int warmupUpdates, double warmupInitLr, double lr) {
    double init = warmupInitLr(warmupInitLr);
    if (numUpdates < warmupUpdates) {
      double lrStep = (lr - init) / warmupUpdates;
      return init + numUpdates * lrStep;
    }
    double decayFactor = lr * Math.pow(warmupUpdates, 0.5);
    return decayFactor * Math.pow(numUpdates, -0.5);
  }

  /** The closed form over the descriptor's arguments. */
  static LrCurve curve(Values v) {
    int warmup = v.integer("warmup_updates");
    double init = v.number("warmup_init_lr");
    return (g, base, t) -> inverseSqrt(t, warmup, init, base);
  }
}
