package dev.anneal.schedule.warmup;

import dev.anneal.spec.Spec;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.Vocabulary;
import java.util.List;
import java.util.Objects;

/**
 * A warmup counted in optimizer steps whose factor multiplies the lr a group's schedule gives at
 * that step, typically a schedule stepped once per epoch: the lr of step {@code s} in epoch
 * {@code e} is {@code factor(s) * schedule(e)}. This is YOLOv3-SPP's recipe (a warmup of
 * {@code warmup_iters} batches inside the first epoch before a cosine stepped per epoch) and
 * mmdetection's "warmup iters, then step decay at epochs". The spec is a warmup without a child
 * ({@code LinearWarmup}, {@code ConstantWarmup}, {@code CosineWarmup}, {@code ExponentialWarmup}
 * with {@code warmup_steps} and {@code warmup_factor}); its factor is the descriptor's closed form,
 * 1 from {@code warmup_steps} on. A pure function of the step, so a resumed plan continues exactly.
 */
public final class StepWarmup {
  /** LinearWarmup's arguments that only a step warmup takes (see {@link #refuseOutsideStepWarmup}). */
  public static final String START_LR = "warmup_start_lr";
  public static final String MOMENTUM = "warmup_momentum";
  public static final String HOLD_AFTER = "hold_after";

  private final Spec spec;
  private final LrCurve curve;
  private final long steps;
  /** The absolute lr at step 0, or NaN: then the warmup is a factor on the scheduled lr. */
  private final double startLr;
  /** The momentum (beta1) at step 0, or NaN: then the warmup leaves momentum alone. */
  private final double startMomentum;
  private final boolean holdAfter;

  private StepWarmup(Spec spec, LrCurve curve, Values k) {
    this.spec = spec;
    this.curve = curve;
    this.steps = k.integer("warmup_steps");
    this.startLr = k.has(START_LR) && k.get(START_LR) != null ? k.number(START_LR) : Double.NaN;
    this.startMomentum = k.has(MOMENTUM) && k.get(MOMENTUM) != null ? k.number(MOMENTUM) : Double.NaN;
    this.holdAfter = k.has(HOLD_AFTER) && k.flag(HOLD_AFTER);
  }

  /**
   * Refuses the arguments that only a step warmup takes ({@code warmup_start_lr}, {@code warmup_momentum},
   * {@code hold_after}) in a warmup that is a schedule of its own.
   */
  public static void refuseOutsideStepWarmup(String type, Values k) {
    for (String name : List.of(START_LR, MOMENTUM, HOLD_AFTER)) {
      if (k.has(name) && k.get(name) != null && !Boolean.FALSE.equals(k.get(name))) {
        throw new IllegalArgumentException(type + " " + name + " is for a step warmup only (a warmup counted in optimizer steps "
            + "before a schedule stepped per epoch: the plan's stepWarmup(...)); as a schedule of its own, leave it out");
      }
    }
  }

  /** The warmup {@code spec} describes; refuses a spec that is not a warmup, has children or bad arguments. */
  public static StepWarmup of(Spec spec) {
    Objects.requireNonNull(spec, "spec");
    if (Warmup.Shape.ofType(spec.type()) == null) {
      throw new IllegalArgumentException("a step warmup is one of LinearWarmup, ConstantWarmup, CosineWarmup, ExponentialWarmup, was "
          + spec.type());
    }
    if (!spec.children().isEmpty()) {
      throw new IllegalArgumentException(spec.type() + " as a step warmup multiplies the schedule of its groups and takes no child; "
          + "declare the schedule with schedule(spec, interval)");
    }
    Descriptor descriptor = Vocabulary.builtIns().require(Category.SCHEDULER, spec.type());
    Values k = descriptor.resolve(spec.kwargs());
    if (spec.kwargs().containsKey("warmup_factor") && spec.kwargs().get(START_LR) != null) {
      throw new IllegalArgumentException(spec.type() + " gives both warmup_factor and " + START_LR + "; the warmup starts either "
          + "from a factor of the scheduled lr or from an absolute lr: keep one");
    }
    return new StepWarmup(spec, descriptor.curve(spec.kwargs(), List.of()).orElseThrow(), k);
  }

  /** The factor on the scheduled lr at optimizer step {@code step} (0-based); 1 with an absolute start lr past the warmup. */
  public double factor(long step) {
    return curve.lr(0, 1.0, step);
  }

  /**
   * The lr of optimizer step {@code step} (0-based) when the schedule gives {@code scheduled}: the
   * factor times it, or with {@code warmup_start_lr} YOLOv5's {@code np.interp(step, [0, warmup_steps],
   * [warmup_start_lr, scheduled])}, the scheduled lr itself from {@code warmup_steps} on.
   */
  public double lr(long step, double scheduled) {
    if (Double.isNaN(startLr)) {
      double f = factor(step);
      return f == 1.0 ? scheduled : scheduled * f;
    }
    return interp(step, startLr, scheduled);
  }

  /** Whether the warmup starts from an absolute lr ({@code warmup_start_lr}) rather than a factor. */
  public boolean startsFromLr() {
    return !Double.isNaN(startLr);
  }

  /** Whether the warmup moves momentum (or beta1): {@code warmup_momentum} was given. */
  public boolean warmsMomentum() {
    return !Double.isNaN(startMomentum);
  }

  /** The momentum of optimizer step {@code step} when the group's is {@code scheduled}: interpolated from {@code warmup_momentum}. */
  public double momentum(long step, double scheduled) {
    return Double.isNaN(startMomentum) ? scheduled : interp(step, startMomentum, scheduled);
  }

  /** Whether the plan's epoch-interval schedules skip their step at the end of the epoch where the warmup ends. */
  public boolean holdsAfter() {
    return holdAfter;
  }

  /** The warmup's length in optimizer steps: its values reach the scheduled ones at this step. */
  public long steps() {
    return steps;
  }

  /** numpy's interp on [0, steps]: {@code slope * step + start}, exactly {@code end} from {@code steps} on. */
  private double interp(long step, double start, double end) {
    if (step >= steps) {
      return end;
    }
    return (end - start) / steps * step + start;
  }

  public Spec spec() {
    return spec;
  }

  @Override
  public String toString() {
    return spec + " per optimizer step";
  }
}
