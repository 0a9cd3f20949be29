package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link FastaiFineTune}'s plan, through the generated {@code FastaiFineTuneTraining}. */
public final class FastaiFineTunePlan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 5;

  @Override
  public String name() {
    return "FastaiFineTune";
  }

  @Override
  public String description() {
    return "FastaiFineTune (recipes): fastai's fine_tune(3), 1 frozen epoch, 4 layer groups, train_bn, fastai's Adam";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return FastaiFineTuneTraining.plan(new FastaiFineTune(), stepsPerEpoch == 0 ? TRACED : stepsPerEpoch);
  }
}
