package dev.anneal.vocabulary;

/** How a scheduler is meant to be stepped. */
public enum Stepping {
  /** Once per epoch in PyTorch's examples; can also be stepped per optimizer step. */
  EPOCH,
  /** Once per optimizer step (batch): OneCycleLR, CyclicLR and the transformers recipes. */
  STEP,
  /** With the monitored metric, once per epoch: ReduceLROnPlateau. */
  METRIC;
}
