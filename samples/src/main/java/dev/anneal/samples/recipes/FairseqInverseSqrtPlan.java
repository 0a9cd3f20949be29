package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link FairseqInverseSqrt}'s plan, through the generated {@code FairseqInverseSqrtTraining}. */
public final class FairseqInverseSqrtPlan implements PlanFactory {
  @Override
  public String name() {
    return "FairseqInverseSqrt";
  }

  @Override
  public String description() {
    return "fairseq inverse_sqrt (recipes): Adam (0.9, 0.98) with decoupled weight decay, warmup from warmup_init_lr, 1/sqrt decay";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    return FairseqInverseSqrtTraining.plan(new FairseqInverseSqrt(), stepsPerEpoch);
  }
}
