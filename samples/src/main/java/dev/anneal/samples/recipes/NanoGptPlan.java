package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link NanoGpt}'s plan, through the generated {@code NanoGptTraining}. */
public final class NanoGptPlan implements PlanFactory {
  @Override
  public String name() {
    return "NanoGpt";
  }

  @Override
  public String description() {
    return "nanoGPT (recipes): AdamW (0.9, 0.95), decay on >= 2-D parameters, warmup then cosine to min_lr per step, @Accumulate(2)";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    NanoGpt model = new NanoGpt();
    return stepsPerEpoch == 0 ? NanoGptTraining.plan(model) : NanoGptTraining.plan(model, stepsPerEpoch);
  }
}
