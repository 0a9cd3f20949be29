package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Map;

/** {@code torch.optim.lr_scheduler.PolynomialLR}: {@code (1 - t/total_iters)^power} decay to zero. */
public final class PolynomialLR extends AbstractLrScheduler {
  public static final String TYPE = "PolynomialLR";
  private final int totalIters;
  private final double power;
  private final LrCurve curve;

  public PolynomialLR(GroupSource groups, int totalIters, double power) {
    super(TYPE, groups);
    this.totalIters = totalIters;
    this.power = power;
    this.curve = descriptorCurve(TYPE, Map.of("total_iters", totalIters, "power", power));
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch == 0 || resuming() || lastEpoch > totalIters) {
      return group.lr();
    }
    double decay = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
    return group.lr() * decay;
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, lastEpoch);
  }
}
