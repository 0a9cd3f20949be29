package dev.anneal.plan;

/**
 * Optimizer steps from micro-batches under gradient accumulation: an epoch of {@code n}
 * micro-batches with {@code accumulate(k)} makes {@code ceil(n / k)} optimizer steps, the last one
 * over a partial window that the plan steps at the epoch's end ({@code finishEpochSteps}), as
 * {@code TrainingLoop}, {@code PlanPreview} and DJL's trainer through {@code DjlPlan} run it. Java's
 * {@code n / k} rounds down: 30 micro-batches with {@code accumulate(4)} are 8 steps, not 7, and a
 * 3-epoch schedule built for 21 steps would be stepped 24 times.
 */
public final class Accumulation {
  private Accumulation() {}

  /** {@code ceil(microBatches / accumulate)}: the plan's {@code stepsPerEpoch} for epochs of {@code microBatches}. */
  public static long optimizerSteps(long microBatches, int accumulate) {
    if (microBatches < 1) {
      throw new IllegalArgumentException("micro-batches per epoch must be at least 1, was " + microBatches);
    }
    if (accumulate < 1) {
      throw new IllegalArgumentException("accumulate needs at least 1 micro-batch per step, was " + accumulate);
    }
    return (microBatches + accumulate - 1) / accumulate;
  }

  /** As {@link #optimizerSteps}, as the {@code int} a generated {@code plan(model, stepsPerEpoch)} takes. */
  public static int stepsPerEpoch(long microBatches, int accumulate) {
    return Math.toIntExact(optimizerSteps(microBatches, accumulate));
  }
}
