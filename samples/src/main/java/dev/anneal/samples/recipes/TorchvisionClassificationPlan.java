package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link TorchvisionClassification}'s plan, through the generated {@code TorchvisionClassificationTraining}. */
public final class TorchvisionClassificationPlan implements PlanFactory {
  @Override
  public String name() {
    return "TorchvisionClassification";
  }

  @Override
  public String description() {
    return "TorchvisionClassification (samples/recipes): " + DESCRIPTION;
  }

  private static final String DESCRIPTION = "SGD, norm layers without weight decay, LinearLR then cosine per epoch, EMA every 3 steps";

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    TorchvisionClassification model = new TorchvisionClassification();
    return stepsPerEpoch == 0 ? TorchvisionClassificationTraining.plan(model) : TorchvisionClassificationTraining.plan(model, stepsPerEpoch);
  }
}
