package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link MaeFinetune}'s plan, through the generated {@code MaeFinetuneTraining}. */
public final class MaeFinetunePlan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 8;

  @Override
  public String name() {
    return "MaeFinetune";
  }

  @Override
  public String description() {
    return "MAE main_finetune.py: ViT, AdamW, layer decay 0.65 as lr_scale (VIT_BEIT), warmup then cosine per iteration";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    MaeFinetune model = new MaeFinetune();
    return stepsPerEpoch == 0 ? MaeFinetuneTraining.plan(model, TRACED) : MaeFinetuneTraining.plan(model, stepsPerEpoch);
  }
}
