package dev.anneal.schedule;

/** What one scheduler step is: an optimizer step, or an epoch. Never a micro-batch. */
public enum Interval {
  /** Once per optimizer step. */
  STEP,
  /** Once per epoch. */
  EPOCH
}
