package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link Ulmfit}'s plan, through the generated {@code UlmfitTraining}. */
public final class UlmfitPlan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 20;

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
    return UlmfitTraining.plan(new Ulmfit(), stepsPerEpoch == 0 ? TRACED : stepsPerEpoch);
  }
}
