package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;

/** {@code torch.optim.lr_scheduler.PolynomialLR}: {@code (1 - t/total_iters)^power} decay to zero. */
public final class PolynomialLR extends AbstractLrScheduler {
  public static final String TYPE = "PolynomialLR";
  private final int totalIters;
  private final double power;

  public PolynomialLR(GroupSource groups, int totalIters, double power) {
    super(TYPE, groups);
    this.totalIters = totalIters;
    this.power = power;
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch == 0 || lastEpoch > totalIters) {
      return group.lr();
    }
    double decay = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
    return group.lr() * decay;
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return base * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power);
  }
}
