package dev.anneal.vocabulary;

/** Whether an argument must be given. */
public enum Presence {
  /** Has a default (possibly Python's None). */
  OPTIONAL,
  /** Must be given. */
  REQUIRED,
  /**
   * Must be given, except that the processor derives it from the training's length (the total
   * steps or epochs less the warmup) when an annotation leaves it out: {@code T_max},
   * {@code total_steps}, {@code num_training_steps}, {@code t_initial}.
   */
  DERIVED_FROM_LENGTH
}
