package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link Detectron2LegacyBias}'s plan, through the generated {@code Detectron2LegacyBiasTraining}. */
public final class Detectron2LegacyBiasPlan implements PlanFactory {
  @Override
  public String name() {
    return "Detectron2LegacyBias";
  }

  @Override
  public String description() {
    return "Detectron2LegacyBias (samples/recipes): " + DESCRIPTION;
  }

  private static final String DESCRIPTION = "detectron2 with BIAS_LR_FACTOR 2 and WEIGHT_DECAY_BIAS 0 (Detectron1 legacy)";

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    Detectron2LegacyBias model = new Detectron2LegacyBias();
    return stepsPerEpoch == 0 ? Detectron2LegacyBiasTraining.plan(model) : Detectron2LegacyBiasTraining.plan(model, stepsPerEpoch);
  }
}
