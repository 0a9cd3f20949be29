package dev.anneal.loop;

import dev.anneal.plan.PlanListener;
import dev.anneal.plan.TrainingClock;

/**
 * Hears a training loop: everything a {@link PlanListener} hears (lr and momentum per group per
 * step, skipped steps, unfreezing, epoch ends with metrics) plus the loss of every micro-batch.
 */
public interface TrainingListener extends PlanListener {

  /**
   * The unscaled loss of a micro-batch, after its backward pass and before the plan steps.
   *
   * @param clock the plan's clock
   * @param loss the loss
   */
  default void onLoss(TrainingClock clock, double loss) {}

  /**
   * The epoch's line, once its metrics are known and before the plan's epoch end moves the
   * schedules or unfreezes groups: {@code epoch 2/5  train_loss 0.41  val_loss 0.38  lr
   * stem=1.00e-04 head=1.00e-03  frozen: stem} (each group's lr in the epoch's last step, the groups
   * frozen during it). {@link ConsoleListener} prints it.
   *
   * @param line the line, without a line break
   */
  default void onEpochSummary(String line) {}

  /**
   * Once, when the loop returns.
   *
   * @param result how the loop ended
   */
  default void onTrainingEnd(TrainingResult result) {}
}
