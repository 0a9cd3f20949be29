package dev.anneal.loop;

import java.util.Map;

/** Evaluates the model after an epoch; the metrics go to the plan (ReduceLROnPlateau) and listeners. */
@FunctionalInterface
public interface Validation {
  /**
   * Evaluates the model.
   *
   * @param epoch the epoch that just ended, 0-based
   * @return the metrics by name, such as {@code val_loss}
   */
  Map<String, Double> validate(int epoch);
}
