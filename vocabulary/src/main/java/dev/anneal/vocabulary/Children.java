package dev.anneal.vocabulary;

/** How many child schedules (a spec's {@code "schedulers"}) a scheduler takes. */
public enum Children {
  NONE,
  /** A warmup: at most one schedule that follows it. */
  AT_MOST_ONE,
  /** SequentialLR, ChainedScheduler: one or more. */
  AT_LEAST_ONE;

  public boolean accepts(int count) {
    return switch (this) {
      case NONE -> count == 0;
      case AT_MOST_ONE -> count <= 1;
      case AT_LEAST_ONE -> count >= 1;
    };
  }
}
