package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link TimmVitOnUpdates}'s plan, through the generated {@code TimmVitOnUpdatesTraining}. */
public final class TimmVitOnUpdatesPlan implements PlanFactory {
  @Override
  public String name() {
    return "TimmVitOnUpdates";
  }

  @Override
  public String description() {
    return "timm train.py --sched-on-updates: ViT, AdamW, layer decay 0.75 as lr_scale, cosine per update with warmup";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    TimmVitOnUpdates model = new TimmVitOnUpdates();
    return stepsPerEpoch == 0 ? TimmVitOnUpdatesTraining.plan(model) : TimmVitOnUpdatesTraining.plan(model, stepsPerEpoch);
  }
}
