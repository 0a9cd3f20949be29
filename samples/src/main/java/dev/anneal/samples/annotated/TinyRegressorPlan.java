package dev.anneal.samples.annotated;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link TinyRegressor}'s plan for the previews, through the generated {@code TinyRegressorTraining}. */
public final class TinyRegressorPlan implements PlanFactory {
  @Override
  public String name() {
    return "TinyRegressor";
  }

  @Override
  public String description() {
    return "TinyRegressor (samples/annotated): AdamW, encoder frozen 2 epochs, @Accumulate(2), 1-epoch warmup, cosine per step";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    TinyRegressor model = new TinyRegressor();
    return stepsPerEpoch == 0 ? TinyRegressorTraining.plan(model) : TinyRegressorTraining.plan(model, stepsPerEpoch);
  }
}
