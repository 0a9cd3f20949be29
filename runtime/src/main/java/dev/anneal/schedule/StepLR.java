package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;

/** {@code torch.optim.lr_scheduler.StepLR}: lr times {@code gamma} every {@code step_size} steps. */
public final class StepLR extends AbstractLrScheduler {
  public static final String TYPE = "StepLR";
  private final int stepSize;
  private final double gamma;

  public StepLR(GroupSource groups, int stepSize, double gamma) {
    super(TYPE, groups);
    this.stepSize = stepSize;
    this.gamma = gamma;
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
      return group.lr();
    }
    return group.lr() * gamma;
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return base * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
  }
}
