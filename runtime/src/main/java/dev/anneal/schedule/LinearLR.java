package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: the factor moves linearly from {@code start_factor}
 * to {@code end_factor} over {@code total_iters} steps.
 */
public final class LinearLR extends AbstractLrScheduler {
  public static final String TYPE = "LinearLR";
  private final double startFactor;
  private final double endFactor;
  private final int totalIters;

  public LinearLR(GroupSource groups, double startFactor, double endFactor, int totalIters) {
    super(TYPE, groups);
    if (startFactor > 1.0 || startFactor <= 0) {
      throw new IllegalArgumentException("LinearLR start_factor expected to be greater than 0 and at most 1, was " + startFactor);
    }
    if (endFactor > 1.0 || endFactor < 0) {
      throw new IllegalArgumentException("LinearLR end_factor expected to be between 0 and 1, was " + endFactor);
    }
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch == 0) {
      return group.lr() * startFactor;
    }
    if (lastEpoch > totalIters) {
      return group.lr();
    }
    return group.lr()
        * (1.0 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
  }
}
