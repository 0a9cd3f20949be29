package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link FastaiOneCycle}'s plan, through the generated {@code FastaiOneCycleTraining}. */
public final class FastaiOneCyclePlan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 7;

  @Override
  public String name() {
    return "FastaiOneCycle";
  }

  @Override
  public String description() {
    return "FastaiOneCycle (recipes): fastai's fit_one_cycle(3, slice(1e-4, 1e-2)), 3 layer groups, fastai's Adam";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return FastaiOneCycleTraining.plan(new FastaiOneCycle(), stepsPerEpoch == 0 ? TRACED : stepsPerEpoch);
  }
}
