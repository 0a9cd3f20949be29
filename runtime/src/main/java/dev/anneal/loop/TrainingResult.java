package dev.anneal.loop;

import java.util.List;
import java.util.Map;

/**
 * How a loop ended: completed, or stopped (with the reason, such as a non-finite loss), where the
 * clock stood, and the metrics of every epoch (training loss mean under {@code "train_loss"}).
 *
 * @param status how the loop ended
 * @param message what a person reads: {@code completed 3 epochs, 12 optimizer steps} or why it stopped
 * @param epochs the epoch the clock stands at (the number of epochs run, once completed)
 * @param steps optimizer steps taken
 * @param skippedSteps optimizer steps skipped because a gradient was not finite
 * @param epochMetrics each finished epoch's metrics, in order
 */
public record TrainingResult(Status status, String message, int epochs, long steps, long skippedSteps,
    List<Map<String, Double>> epochMetrics) {

  /** How a loop ended. */
  public enum Status {
    /** Every epoch of the plan ran. */
    COMPLETED,
    /** A loss was NaN or infinite; that batch updated nothing. */
    STOPPED_NON_FINITE_LOSS
  }

  /** Copies the metrics. */
  public TrainingResult {
    epochMetrics = List.copyOf(epochMetrics);
  }

  /** {@return whether every epoch ran} */
  public boolean completed() {
    return status == Status.COMPLETED;
  }
}
