package dev.anneal.schedule.recipe;

import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.LambdaLR;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.FairseqCurves;
import java.util.function.IntToDoubleFunction;

/**
 * fairseq's {@code inverse_sqrt} (type {@code fairseq.InverseSquareRootSchedule}): a linear warmup
 * from {@code warmup_init_lr} (negative, the default: 0) to each group's lr over
 * {@code warmup_updates}, then {@code lr * sqrt(warmup_updates) / sqrt(num_updates)}; the lrs are
 * {@link FairseqCurves#inverseSqrt}, the vocabulary's closed form, as a function of the step. Meant
 * to step per optimizer step (fairseq's {@code step_update} after every update). Transformers'
 * {@code InverseSqrtLR} is the same schedule with {@code warmup_init_lr} 0.
 */
public final class FairseqInverseSqrt {
  /** The spec type name. */
  public static final String TYPE = FairseqCurves.INVERSE_SQRT;

  private FairseqInverseSqrt() {}

  /** The schedule with its arguments resolved by its descriptor. */
  public static LambdaLR create(GroupSource groups, Values k) {
    return LambdaLR.named(TYPE, groups, new Factor(k.integer("warmup_updates"), k.number("warmup_init_lr")));
  }

  /** The lr over the base lr; {@link LambdaLR} multiplies it back by the base lr. */
  private record Factor(int warmupUpdates, double warmupInitLr) implements IntToDoubleFunction, LambdaLR.BaseAwareFactor {
    @Override
    public double applyAsDouble(int step) {
      throw new UnsupportedOperationException("needs the group's base lr");
    }

    @Override
    public double factor(int step, double baseLr) {
      if (baseLr == 0) {
        // fairseq would still warm up from warmup_init_lr to 0: not a factor of a zero base lr
        throw new IllegalArgumentException(TYPE + " needs a positive lr in every group (its lrs are not a factor of a zero lr)");
      }
      return FairseqCurves.inverseSqrt(step, warmupUpdates, warmupInitLr, baseLr) / baseLr;
    }
  }
}
