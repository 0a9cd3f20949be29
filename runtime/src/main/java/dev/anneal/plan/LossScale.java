package dev.anneal.plan;

/**
 * What each micro-batch's loss is divided by under gradient accumulation ({@code accumulate(k)}),
 * which matters only in an epoch's last window when its micro-batches do not divide by {@code k}:
 * that partial window of {@code r < k} micro-batches is stepped at the epoch's end
 * ({@link TrainingPlan#finishEpochSteps()}).
 */
public enum LossScale {
  /**
   * {@code 1 / k} for every micro-batch, the partial window's too (its gradient is then {@code r / k}
   * of a mean): PyTorch's usual loop and nanoGPT's {@code loss / gradient_accumulation_steps}. The default.
   */
  ACCUMULATE,
  /**
   * {@code 1 / (micro-batches in this window)}: {@code 1 / k}, and {@code 1 / r} in a partial window, so
   * every step takes a mean: the Hugging Face Trainer's division by
   * {@code current_gradient_accumulation_steps}. {@link TrainingPlan#lossScale(long)} needs the
   * epoch's micro-batches to know the window's size.
   */
  WINDOW
}
