package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;

/**
 * A group frozen until an epoch or an optimizer step (exactly one of the two is non-negative),
 * what happens to its state when it thaws, a re-warmup after it, and whether its BatchNorm running
 * statistics are held while it is frozen, and whether its norm layers train while it is frozen
 * ({@code trainNorm}, fastai's {@code train_bn}).
 */
public record Freeze(int untilEpoch, long untilStep, boolean resetState, int rewarmupSteps, boolean holdBatchNorm,
    Location where, boolean trainNorm) {

  /** A freeze of every parameter of the group ({@code trainNorm = false}). */
  public Freeze(int untilEpoch, long untilStep, boolean resetState, int rewarmupSteps, boolean holdBatchNorm,
      Location where) {
    this(untilEpoch, untilStep, resetState, rewarmupSteps, holdBatchNorm, where, false);
  }
}
