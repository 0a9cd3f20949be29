package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link Detectron2}'s plan, through the generated {@code Detectron2Training}. */
public final class Detectron2Plan implements PlanFactory {
  @Override
  public String name() {
    return "Detectron2";
  }

  @Override
  public String description() {
    return "Detectron2 (samples/recipes): " + DESCRIPTION;
  }

  private static final String DESCRIPTION = "SGD, norm layers without weight decay, linear warmup multiplying a per-step MultiStepLR from step 0";

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    Detectron2 model = new Detectron2();
    return stepsPerEpoch == 0 ? Detectron2Training.plan(model) : Detectron2Training.plan(model, stepsPerEpoch);
  }
}
