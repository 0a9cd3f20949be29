package dev.anneal.schedule.warmup;

import dev.anneal.spec.Spec;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.LrCurve;
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
  private final Spec spec;
  private final LrCurve curve;

  private StepWarmup(Spec spec, LrCurve curve) {
    this.spec = spec;
    this.curve = curve;
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
    return new StepWarmup(spec, descriptor.curve(spec.kwargs(), List.of()).orElseThrow());
  }

  /** The factor on the scheduled lr at optimizer step {@code step} (0-based). */
  public double factor(long step) {
    return curve.lr(0, 1.0, step);
  }

  public Spec spec() {
    return spec;
  }

  @Override
  public String toString() {
    return spec + " per optimizer step";
  }
}
