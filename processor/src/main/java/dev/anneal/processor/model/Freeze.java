package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;

/**
 * A group frozen until an epoch or an optimizer step (exactly one of the two is non-negative),
 * what happens to its state when it thaws, a re-warmup after it, and whether its BatchNorm running
 * statistics are held while it is frozen.
 */
public record Freeze(int untilEpoch, long untilStep, boolean resetState, int rewarmupSteps, boolean holdBatchNorm,
    Location where) {}
