package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.List;

/**
 * {@code torch.optim.lr_scheduler.ChainedScheduler}: every child steps in turn on the same groups,
 * so chainable schedules compound (each reads the lr the previous one wrote). A group that joins
 * later gets each child's closed form applied in turn to its base lr.
 */
public final class ChainedScheduler extends CompositeScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "ChainedScheduler";

  /** The children must have been built on these groups, in this order (each took its initial step). */
  public ChainedScheduler(GroupSource groups, List<AbstractLrScheduler> children) {
    super(TYPE, groups, children);
    if (children.isEmpty()) {
      throw new IllegalArgumentException("ChainedScheduler needs at least one scheduler");
    }
    start();
  }

  /** At construction the children have already taken their initial steps. */
  @Override
  protected void initialStep() {
    lastEpoch = 0;
    recordLastLrs();
  }

  @Override
  public void restart() {
    reset();
    lastEpoch = 0;
    for (AbstractLrScheduler child : children) {
      child.initialStep();
    }
    recordLastLrs();
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    lastEpoch++;
    for (AbstractLrScheduler child : children) {
      stepChild(child, metric, hasMetric);
    }
    recordLastLrs();
  }

  @Override
  protected double closedFormLr(int g, double base) {
    double lr = base;
    for (AbstractLrScheduler child : children) {
      lr = childClosedForm(child, g, lr);
    }
    return lr;
  }

  @Override
  protected double joinLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }
}
