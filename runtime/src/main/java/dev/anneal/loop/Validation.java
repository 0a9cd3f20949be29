package dev.anneal.loop;

import java.util.Map;

/** Evaluates the model after an epoch; the metrics go to the plan (ReduceLROnPlateau) and listeners. */
@FunctionalInterface
public interface Validation {
  Map<String, Double> validate(int epoch);
}
