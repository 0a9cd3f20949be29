package dev.anneal.loop;

import dev.anneal.plan.PlanListener;
import dev.anneal.plan.TrainingClock;

/**
 * Hears a training loop: everything a {@link PlanListener} hears (lr and momentum per group per
 * step, skipped steps, unfreezing, epoch ends with metrics) plus the loss of every micro-batch.
 */
public interface TrainingListener extends PlanListener {

  /** The unscaled loss of a micro-batch, after its backward pass and before the plan steps. */
  default void onLoss(TrainingClock clock, double loss) {}

  /** Once, when the loop returns. */
  default void onTrainingEnd(TrainingResult result) {}
}
