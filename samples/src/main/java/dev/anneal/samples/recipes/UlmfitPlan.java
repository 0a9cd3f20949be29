package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link Ulmfit}'s plan, through the generated {@code UlmfitTraining}. */
public final class UlmfitPlan implements PlanFactory {
  @Override
  public String name() {
    return "Ulmfit";
  }

  @Override
  public String description() {
    return "Ulmfit (recipes): slanted triangular lrs, discriminative lrs (/2.6), gradual unfreezing of 4 layer groups";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return UlmfitTraining.plan(new Ulmfit(), stepsPerEpoch);
  }
}
