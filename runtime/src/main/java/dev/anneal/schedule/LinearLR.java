package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: the factor moves linearly from {@code start_factor}
 * to {@code end_factor} over {@code total_iters} steps.
 */
public final class LinearLR extends AbstractLrScheduler {
  public static final String TYPE = "LinearLR";
  private final double startFactor;
  private final double endFactor;
  private final int totalIters;
  private final LrCurve curve;

  public LinearLR(GroupSource groups, double startFactor, double endFactor, int totalIters) {
    super(TYPE, groups);
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    this.curve = descriptorCurve(TYPE, Map.of("start_factor", startFactor, "end_factor", endFactor, "total_iters", totalIters));
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch == 0) {
      return group.lr() * startFactor;
    }
    if (resuming() || lastEpoch > totalIters) {
      return group.lr();
    }
    return group.lr()
        * (1.0 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, lastEpoch);
  }
}
