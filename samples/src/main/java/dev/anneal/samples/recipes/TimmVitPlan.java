package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link TimmVit}'s plan, through the generated {@code TimmVitTraining}. */
public final class TimmVitPlan implements PlanFactory {
  @Override
  public String name() {
    return "TimmVit";
  }

  @Override
  public String description() {
    return "timm train.py: ViT, AdamW, layer decay 0.75 as lr_scale (VIT_TIMM), cosine per epoch with warmup";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    TimmVit model = new TimmVit();
    return stepsPerEpoch == 0 ? TimmVitTraining.plan(model, 4) : TimmVitTraining.plan(model, stepsPerEpoch);
  }
}
