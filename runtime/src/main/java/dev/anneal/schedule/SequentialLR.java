package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.List;

/**
 * {@code torch.optim.lr_scheduler.SequentialLR}: one child after another, switching at the
 * milestones; at a milestone the next child restarts at its step 0 from the base lrs (PyTorch's
 * {@code step(0)}). Construction resets the lrs to {@code initial_lr} and starts the first child
 * only, as PyTorch 2.x does.
 */
public final class SequentialLR extends CompositeScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "SequentialLR";
  private final int[] milestones;

  /**
   * The scheduler over {@code groups}, with PyTorch's arguments.
   *
   * @param groups the groups it schedules, from the lr each has when it starts
   * @param children PyTorch's {@code schedulers}, in order
   * @param milestones PyTorch's {@code milestones}
   */
  public SequentialLR(GroupSource groups, List<AbstractLrScheduler> children, int[] milestones) {
    this(groups, children, milestones, true);
  }

  private SequentialLR(GroupSource groups, List<AbstractLrScheduler> children, int[] milestones, boolean pytorchOneCycleBounds) {
    super(TYPE, groups, children, pytorchOneCycleBounds);
    this.milestones = milestones.clone();
    start();
  }

  /**
   * Not PyTorch's numbers, by name: a SequentialLR whose OneCycleLR phases each keep the
   * {@code max_lr}, {@code div_factor}, {@code final_div_factor} and momentum bounds they were
   * built with. PyTorch's constructor ({@link #SequentialLR(GroupSource, List, int[])}, and every
   * spec) runs all of them between the bounds of the last one built, as each OneCycleLR writes its
   * bounds into the param groups and reads them back; this is what a reader of
   * {@code SequentialLR([OneCycleLR(max_lr=0.1), OneCycleLR(max_lr=0.02)])} usually means.
   */
  public static SequentialLR withPhaseOwnOneCycleBounds(GroupSource groups, List<AbstractLrScheduler> children, int[] milestones) {
    return new SequentialLR(groups, children, milestones, false);
  }

  @Override
  protected void initialStep() {
    lastEpoch = 0;
    for (AbstractLrScheduler child : children) {
      child.reset();
    }
    resetLrsToBase();
    children.get(0).initialStep();
    copyLastLrs(children.get(0));
  }

  private int active(int epoch) {
    int idx = 0;
    while (idx < milestones.length && milestones[idx] <= epoch) {
      idx++;
    }
    return idx;
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    lastEpoch++;
    int idx = active(lastEpoch);
    AbstractLrScheduler child = children.get(idx);
    if (idx > 0 && milestones[idx - 1] == lastEpoch) {
      child.stepTo(0);
    } else {
      stepChild(child, metric, hasMetric);
    }
    copyLastLrs(child);
  }

  private void copyLastLrs(AbstractLrScheduler child) {
    for (int g = 0; g < groupCount(); g++) {
      lastLrs[g] = child.lastLrs[g];
    }
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return childClosedForm(children.get(active(lastEpoch)), g, base);
  }

  @Override
  protected double joinLr(int g, ParamGroup group) {
    return childJoinLr(children.get(active(lastEpoch)), g, group);
  }
}
