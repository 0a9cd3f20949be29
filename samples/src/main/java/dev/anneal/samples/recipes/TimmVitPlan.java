package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link TimmVit}'s plan, through the generated {@code TimmVitTraining}. */
public final class TimmVitPlan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 4;

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
    return stepsPerEpoch == 0 ? TimmVitTraining.plan(model, TRACED) : TimmVitTraining.plan(model, stepsPerEpoch);
  }
}
