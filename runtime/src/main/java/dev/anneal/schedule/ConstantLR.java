package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Map;

/** {@code torch.optim.lr_scheduler.ConstantLR}: lr times {@code factor} until {@code total_iters}. */
public final class ConstantLR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "ConstantLR";
  private final double factor;
  private final int totalIters;
  private final LrCurve curve;

  /**
   * The scheduler over {@code groups}, with PyTorch's arguments.
   *
   * @param groups the groups it schedules, from the lr each has when it starts
   * @param factor PyTorch's {@code factor}
   * @param totalIters PyTorch's {@code total_iters}
   */
  public ConstantLR(GroupSource groups, double factor, int totalIters) {
    super(TYPE, groups);
    this.factor = factor;
    this.totalIters = totalIters;
    this.curve = descriptorCurve(TYPE, Map.of("factor", factor, "total_iters", totalIters));
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    if (lastEpoch == 0) {
      return group.lr() * factor;
    }
    if (lastEpoch != totalIters) {
      return group.lr();
    }
    return group.lr() * (1.0 / factor);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, lastEpoch);
  }
}
