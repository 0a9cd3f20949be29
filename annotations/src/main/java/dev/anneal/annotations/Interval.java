package dev.anneal.annotations;

/** What one scheduler step is: an optimizer step or an epoch (the runtime's interval of the same name). */
public enum Interval {
  /** Once per optimizer step. */
  STEP,
  /** Once per epoch. */
  EPOCH
}
