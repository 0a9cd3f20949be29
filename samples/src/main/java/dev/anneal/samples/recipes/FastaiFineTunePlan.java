package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link FastaiFineTune}'s plan, through the generated {@code FastaiFineTuneTraining}. */
public final class FastaiFineTunePlan implements PlanFactory {
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
    return FastaiFineTuneTraining.plan(new FastaiFineTune(), stepsPerEpoch);
  }
}
