package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;

/**
 * {@code @Ema}: the decay as written, the steps between updates, torchvision's
 * {@code world_size * batch_size} of the decay adjustment (0: none) and the epochs whose updates
 * leave the average to copy the next one; or, with {@code rampTau > 0}, YOLOv5's ramp.
 */
public record EmaModel(double decay, int everySteps, long adjustedForBatch, int copyDuringEpochs, Location where,
    double rampTau) {
  /** torchvision's form (no ramp). */
  public EmaModel(double decay, int everySteps, long adjustedForBatch, int copyDuringEpochs, Location where) {
    this(decay, everySteps, adjustedForBatch, copyDuringEpochs, where, 0);
  }

  /** {@return whether this is YOLOv5's ramp ({@code rampTau})} */
  public boolean ramped() {
    return rampTau > 0;
  }

  /** The decay the updates use (the runtime's {@code ModelEma.effectiveDecay}, restated for the preview). */
  public double effectiveDecay(int epochs) {
    if (adjustedForBatch == 0) {
      return decay;
    }
    double alpha = Math.min(1.0, (1.0 - decay) * ((double) adjustedForBatch * everySteps / epochs));
    return 1.0 - alpha;
  }
}
