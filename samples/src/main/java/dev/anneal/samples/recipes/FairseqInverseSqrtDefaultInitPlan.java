package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link FairseqInverseSqrtDefaultInit}'s plan, through the generated {@code FairseqInverseSqrtDefaultInitTraining}. */
public final class FairseqInverseSqrtDefaultInitPlan implements PlanFactory {
  @Override
  public String name() {
    return "FairseqInverseSqrtDefaultInit";
  }

  @Override
  public String description() {
    return "fairseq inverse_sqrt (recipes): Adam (0.9, 0.98) with decoupled weight decay, warmup from warmup_init_lr, 1/sqrt decay";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return FairseqInverseSqrtDefaultInitTraining.plan(new FairseqInverseSqrtDefaultInit(), stepsPerEpoch);
  }
}
