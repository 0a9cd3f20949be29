package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link MmdetSchedule1x}'s plan, through the generated {@code MmdetSchedule1xTraining}. */
public final class MmdetSchedule1xPlan implements PlanFactory {
  @Override
  public String name() {
    return "MmdetSchedule1x";
  }

  @Override
  public String description() {
    return "mmdetection schedule_1x on mmengine (recipes), scaled: SGD, LinearLR [0, 7) per iteration into MultiStepLR [2, 3] per epoch";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    MmdetSchedule1x model = new MmdetSchedule1x();
    return stepsPerEpoch == 0 ? MmdetSchedule1xTraining.plan(model) : MmdetSchedule1xTraining.plan(model, stepsPerEpoch);
  }
}
