package dev.anneal.schedule.recipe;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.StagedSchedule;
import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.FastaiCurves;

/**
 * ULMFiT's slanted triangular learning rates (Howard &amp; Ruder 2018, eq. 3; fastai v0.7's
 * {@code CircularLR} with {@code div = ratio}, {@code cut_div = 1 / cut_frac}): in each of
 * {@code cycles} equal cycles of {@code T} steps, the lr rises linearly from {@code lr / ratio} to the
 * group's lr at {@code floor(T * cut_frac)}, then falls back to {@code lr / ratio}. One cycle per
 * gradual-unfreezing stage restarts the triangle at each, as ULMFiT's one {@code fit} per stage did.
 * Each group keeps its own lr as the peak, so discriminative lrs ({@code @LayerwiseDecay(1 / 2.6)})
 * carry through. With {@code reset_state} the plan clears the optimizer state as each cycle after
 * the first begins ({@link StagedSchedule}), as ULMFiT's new optimizer per stage did.
 */
public final class SlantedTriangularLR extends AbstractLrScheduler implements StagedSchedule {
  /** The descriptor's name. */
  public static final String TYPE = "SlantedTriangularLR";
  private final LrCurve curve;
  private final int totalSteps;
  private final int cycleSteps;
  private final boolean resetState;

  /** @param k the arguments, checked and defaulted by the descriptor */
  public SlantedTriangularLR(GroupSource groups, Values k) {
    super(TYPE, groups);
    this.totalSteps = k.integer("total_steps");
    String problem = FastaiCurves.slantedTriangularProblem(totalSteps, k.integer("cycles"), k.number("cut_frac"));
    if (problem != null) {
      throw new IllegalArgumentException(TYPE + ": " + problem);
    }
    this.cycleSteps = totalSteps / k.integer("cycles");
    this.resetState = k.flag("reset_state");
    this.curve = descriptorCurve(TYPE, k.asMap());
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch > totalSteps) {   // the step after the last one may be taken, its lr unused
      throw new IllegalStateException(TYPE + " was stepped " + (lastEpoch + 1) + " times, past its total_steps " + totalSteps);
    }
    return closedFormLr(g, baseLrs[g]);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, Math.min(lastEpoch, totalSteps));
  }

  @Override
  public boolean stageBegins() {
    return resetState && lastEpoch > 0 && lastEpoch < totalSteps && lastEpoch % cycleSteps == 0;
  }

  @Override
  public GroupSource stageGroups() {
    return groups;
  }
}
