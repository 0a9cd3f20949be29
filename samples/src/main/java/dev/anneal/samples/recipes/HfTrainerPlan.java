package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link HfTrainer}'s plan, through the generated {@code HfTrainerTraining}. */
public final class HfTrainerPlan implements PlanFactory {
  @Override
  public String name() {
    return "HfTrainer";
  }

  @Override
  public String description() {
    return "Hugging Face Trainer (recipes): AdamW, no decay for biases and LayerNorm, linear schedule with warmup_ratio 0.1, @Accumulate(4)";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return HfTrainerTraining.plan(new HfTrainer(), stepsPerEpoch);
  }
}
