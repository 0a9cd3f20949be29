package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.Values;

/** OneCycleLR's length: {@code total_steps}, or {@code epochs * steps_per_epoch}, as PyTorch reads them. */
public final class OneCycle {
  private OneCycle() {}

  /** The total steps of resolved OneCycleLR arguments (they passed the descriptor's constraint). */
  public static int totalSteps(Values v) {
    return v.has("total_steps") ? v.integer("total_steps") : v.integer("epochs") * v.integer("steps_per_epoch");
  }

  static String lengthProblem(Values v) {
    if (v.has("total_steps") || v.has("epochs") && v.has("steps_per_epoch")) {
      return null;
    }
    return "needs total_steps, or epochs and steps_per_epoch";
  }
}
