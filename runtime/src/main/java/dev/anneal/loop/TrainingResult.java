package dev.anneal.loop;

import java.util.List;
import java.util.Map;

/**
 * How a loop ended: completed, or stopped (with the reason, such as a non-finite loss), where the
 * clock stood, and the metrics of every epoch (training loss mean under {@code "train_loss"}).
 */
public record TrainingResult(Status status, String message, int epochs, long steps, long skippedSteps,
    List<Map<String, Double>> epochMetrics) {

  public enum Status {
    COMPLETED,
    STOPPED_NON_FINITE_LOSS
  }

  public TrainingResult {
    epochMetrics = List.copyOf(epochMetrics);
  }

  public boolean completed() {
    return status == Status.COMPLETED;
  }
}
