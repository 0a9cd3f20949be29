package dev.anneal.schedule.recipe;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Momentum;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.FastaiCurves;
import java.util.List;

/**
 * fastai's {@code Learner.fit_one_cycle} (type {@code fastai.fit_one_cycle}): at step {@code t} of
 * {@code total_steps}, {@code pos = t / total_steps} (fastai's {@code pct_train}, which never reaches
 * 1), each group's lr is {@code combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)(pos)}
 * with {@code lr_max} the group's own lr, and its momentum (Adam's beta1) is
 * {@code combined_cos(pct_start, *moms)(pos)}. Unlike PyTorch's OneCycleLR the phases are fractions
 * of the steps, not step counts, and the cut points are float32, as in fastai
 * ({@link FastaiCurves#combinedCos}).
 */
public final class FastaiOneCycleLR extends AbstractLrScheduler {
  /** The descriptor's name. */
  public static final String TYPE = "fastai.fit_one_cycle";
  private final int totalSteps;
  private final double pctStart;
  private final double div;
  private final double divFinal;
  private final List<Double> moms;

  /** @param k the arguments, checked and defaulted by the descriptor */
  public FastaiOneCycleLR(GroupSource groups, Values k) {
    super(TYPE, groups);
    this.totalSteps = k.integer("total_steps");
    this.pctStart = k.number("pct_start");
    this.div = k.number("div");
    this.divFinal = k.number("div_final");
    this.moms = List.copyOf(k.numbers("moms"));
    start();
  }

  @Override
  protected void onRegister(int g, ParamGroup group) {
    FastaiFineTuneLR.requireMomentum(TYPE, group);
  }

  private double pos() {
    if (lastEpoch > totalSteps) {   // the step after the last one may be taken, its lr unused
      throw new IllegalStateException(TYPE + " was stepped " + (lastEpoch + 1) + " times, past its total_steps " + totalSteps
          + "; fastai's fit ends there: give total_steps the whole fit");
    }
    return (double) lastEpoch / totalSteps;
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    double pos = pos();
    Momentum.write(group, FastaiCurves.oneCycleMomentum(moms, pctStart, pos));
    return FastaiCurves.oneCycleLr(baseLrs[g], pctStart, div, divFinal, pos);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return FastaiCurves.oneCycleLr(base, pctStart, div, divFinal, (double) Math.min(lastEpoch, totalSteps) / totalSteps);
  }

  @Override
  protected boolean cyclesMomentum() {
    return true;
  }
}
