package dev.anneal.plan;

import java.util.Map;

/** Hears what a plan does; every method has an empty default. Called on the training thread. */
public interface PlanListener {

  /** After each optimizer step, with the lr and momentum each group used for it. */
  default void onStep(StepReport report) {}

  /** A step was skipped because a gradient was not finite; nothing was updated. */
  default void onSkippedStep(TrainingClock clock, String reason) {}

  /** A group just unfroze (at the start of an epoch or after an optimizer step). */
  default void onUnfreeze(TrainingClock clock, String group) {}

  /** After {@code endEpoch}, with the metrics it was given; the clock already counts the epoch. */
  default void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {}
}
