package dev.anneal.schedule.warmup;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.CompositeScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.vocabulary.builtin.Curves;
import java.util.List;

/**
 * A warmup phase of {@code warmup_steps} positions (in the schedule's own unit), then the schedule
 * that follows it, if any, starting at its own step 0 from the base lrs, as if constructed at that
 * moment. Any schedule may follow, {@code ReduceLROnPlateau} included: metrics given during the
 * warmup are ignored, the plateau counts from the end of the warmup.
 *
 * <p>During the warmup, with {@code a = t / warmup_steps} and {@code f = warmup_factor}, the lr is
 * the base lr times (detectron2's names and default {@code f = 0.001}):
 * <ul>
 *   <li>{@code LinearWarmup}: {@code f * (1 - a) + a} (the classic gradual warmup)</li>
 *   <li>{@code ConstantWarmup}: {@code f}</li>
 *   <li>{@code CosineWarmup}: {@code f + (1 - f) * (1 - cos(pi * a)) / 2}</li>
 *   <li>{@code ExponentialWarmup}: {@code f^(1 - a)} (geometric from f to 1; f must be positive)</li>
 * </ul>
 */
public final class Warmup extends CompositeScheduler {
  /** The warmup curve. */
  public enum Shape {
    /** The start factor throughout, then 1. */
    CONSTANT("ConstantWarmup"),
    /** A straight line from the start factor to 1. */
    LINEAR("LinearWarmup"),
    /** Half a cosine from the start factor to 1. */
    COSINE("CosineWarmup"),
    /** Geometric from the start factor to 1. */
    EXPONENTIAL("ExponentialWarmup");

    private final String typeName;

    Shape(String typeName) {
      this.typeName = typeName;
    }

    /** {@return the spec type name, such as {@code LinearWarmup}} */
    public String typeName() {
      return typeName;
    }

    /** The shape of a spec type name, or null when it is not a warmup. */
    public static Shape ofType(String type) {
      for (Shape shape : values()) {
        if (shape.typeName.equals(type)) {
          return shape;
        }
      }
      return null;
    }
  }

  private final Shape shape;
  private final int warmupSteps;
  private final double factor;
  private final AbstractLrScheduler next;

  /**
   * @param next the schedule after the warmup, built on the same groups, or null to hold the base
   *     lrs after the warmup
   */
  public Warmup(GroupSource groups, Shape shape, int warmupSteps, double warmupFactor, AbstractLrScheduler next) {
    super(shape.typeName(), groups, next == null ? List.of() : List.of(next));
    this.shape = shape;
    this.warmupSteps = warmupSteps;
    this.factor = warmupFactor;
    this.next = next;
    start();
  }

  public int warmupSteps() {
    return warmupSteps;
  }

  /** The factor on the base lr at warmup position {@code t < warmup_steps}. */
  public double factorAt(int t) {
    return Curves.warmupFactor(shape.typeName(), factor, (double) t / warmupSteps);
  }

  @Override
  protected void initialStep() {
    lastEpoch = 0;
    place();
  }

  @Override
  public void restart() {
    reset();
    initialStep();
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    lastEpoch++;
    if (lastEpoch > warmupSteps && next != null) {
      stepChild(next, metric, hasMetric);
      recordLastLrs();
    } else {
      place();
    }
  }

  /** Warmup values, or at the end of the warmup the base lrs and the next schedule's step 0. */
  private void place() {
    if (lastEpoch < warmupSteps) {
      double f = factorAt(lastEpoch);
      for (int g = 0; g < groupCount(); g++) {
        write(g, groups.get(g), baseLrs[g] * f);
      }
      return;
    }
    for (int g = 0; g < groupCount(); g++) {
      write(g, groups.get(g), baseLrs[g]);
    }
    if (lastEpoch == warmupSteps && next != null) {
      next.restart();
      recordLastLrs();
    }
  }

  @Override
  protected double closedFormLr(int g, double base) {
    if (lastEpoch < warmupSteps) {
      return base * factorAt(lastEpoch);
    }
    return next == null ? base : childClosedForm(next, g, base);
  }

  @Override
  protected double joinLr(int g, ParamGroup group) {
    if (lastEpoch < warmupSteps) {
      return baseLrs[g] * factorAt(lastEpoch);
    }
    return next == null ? baseLrs[g] : childJoinLr(next, g, group);
  }
}
