package dev.anneal.plan;

/** What {@link TrainingPlan#afterBackward()} did with the micro-batch just back-propagated. */
public enum StepOutcome {
  /** Gradients were added to the running accumulation; no optimizer step yet. */
  ACCUMULATED,
  /** The optimizer stepped and step-interval schedules advanced. */
  STEPPED,
  /** A gradient was NaN or infinite: gradients dropped, no update, schedules and step count unchanged. */
  SKIPPED_NON_FINITE
}
