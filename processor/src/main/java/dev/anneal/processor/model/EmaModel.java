package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;

/**
 * {@code @Ema}: the decay as written, the steps between updates, torchvision's
 * {@code world_size * batch_size} of the decay adjustment (0: none) and the epochs whose updates
 * leave the average to copy the next one.
 */
public record EmaModel(double decay, int everySteps, long adjustedForBatch, int copyDuringEpochs, Location where) {
  /** The decay the updates use (the runtime's {@code ModelEma.effectiveDecay}, restated for the preview). */
  public double effectiveDecay(int epochs) {
    if (adjustedForBatch == 0) {
      return decay;
    }
    double alpha = Math.min(1.0, (1.0 - decay) * ((double) adjustedForBatch * everySteps / epochs));
    return 1.0 - alpha;
  }
}
