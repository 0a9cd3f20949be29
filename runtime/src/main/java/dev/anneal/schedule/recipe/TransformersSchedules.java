package dev.anneal.schedule.recipe;

import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.LambdaLR;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.TransformersCurves;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongToDoubleFunction;

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

  /** The recipe with its arguments resolved by its descriptor; the factor functions are the vocabulary's. */
  public static LambdaLR create(Values k, GroupSource groups) {
    String type = k.descriptor().name();
    int warmup = TransformersCurves.numWarmupSteps(k); // num_warmup_steps, or from the Trainer's warmup_ratio
    return switch (type) {
      case "ConstantWithWarmupLR" -> LambdaLR.named(type, groups, ints(TransformersCurves.constantWithWarmup(warmup)));
      case "LinearWithWarmupLR" -> LambdaLR.named(type, groups,
          ints(TransformersCurves.linearWithWarmup(warmup, k.integer("num_training_steps"))));
      case "CosineWithWarmupLR" -> LambdaLR.named(type, groups,
          ints(TransformersCurves.cosineWithWarmup(warmup, k.integer("num_training_steps"), k.number("num_cycles"))));
      case "CosineWithHardRestartsWithWarmupLR" -> LambdaLR.named(type, groups, ints(
          TransformersCurves.cosineWithHardRestartsWithWarmup(warmup, k.integer("num_training_steps"), k.integer("num_cycles"))));
      case "PolynomialWithWarmupLR" -> new PerGroupPolynomial(groups, warmup, k.integer("num_training_steps"), k.number("lr_end"),
          k.number("power")).scheduler(type);
      case "InverseSqrtLR" -> LambdaLR.named(type, groups,
          ints(TransformersCurves.inverseSqrt(warmup, TransformersCurves.timescale((Integer) k.get("timescale"), warmup))));
      case "WarmupStableDecayLR" -> {
        int decay = k.integer("num_decay_steps");
        int stable = TransformersCurves.stableSteps((Integer) k.get("num_stable_steps"), (Integer) k.get("num_training_steps"),
            warmup, decay);
        yield LambdaLR.named(type, groups, ints(TransformersCurves.warmupStableDecay(warmup, stable, decay, k.string("warmup_type"),
            k.string("decay_type"), k.number("min_lr_ratio"), k.number("num_cycles"))));
      }
      default -> throw new IllegalArgumentException("not a transformers schedule: " + type);
    };
  }

  private static IntToDoubleFunction ints(LongToDoubleFunction factor) {
    return step -> factor.applyAsDouble(step);
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
        double lrInit = groups.get(g).initialLr();
        if (!(lrInit > lrEnd)) {
          throw new IllegalArgumentException("PolynomialWithWarmupLR lr_end (" + lrEnd + ") must be smaller than the initial lr ("
              + lrInit + ") of group " + groups.get(g).name());
        }
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
      return TransformersCurves.polynomialWithWarmup(step, p.warmup, p.training, baseLr, p.lrEnd, p.power);
    }
  }
}
