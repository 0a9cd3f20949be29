package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link SeedsPlateau}'s plan, through the generated {@code SeedsPlateauTraining}. */
public final class SeedsPlateauPlan implements PlanFactory {
  @Override
  public String name() {
    return "SeedsPlateau";
  }

  @Override
  public String description() {
    return "the seeds' recipe (recipes): AdamW groups, warmup into a per-step cosine, ReduceLROnPlateau on val_loss per epoch on top";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return SeedsPlateauTraining.plan(new SeedsPlateau(), stepsPerEpoch);
  }
}
