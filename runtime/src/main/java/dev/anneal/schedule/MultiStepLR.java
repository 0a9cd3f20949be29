package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR}: lr times {@code gamma} at each milestone; a
 * milestone listed k times multiplies by {@code gamma^k} (PyTorch counts them).
 */
public final class MultiStepLR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "MultiStepLR";
  private final int[] milestones;
  private final double gamma;
  private final LrCurve curve;

  /**
   * The scheduler over {@code groups}, with PyTorch's arguments.
   *
   * @param groups the groups it schedules, from the lr each has when it starts
   * @param milestones PyTorch's {@code milestones}
   * @param gamma PyTorch's {@code gamma}
   */
  public MultiStepLR(GroupSource groups, int[] milestones, double gamma) {
    super(TYPE, groups);
    this.milestones = milestones.clone();
    Arrays.sort(this.milestones);
    this.gamma = gamma;
    this.curve = descriptorCurve(TYPE, Map.of("milestones", Arrays.stream(this.milestones).boxed().toList(), "gamma", gamma));
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    int times = occurrences(lastEpoch);
    if (times == 0) {
      return group.lr();
    }
    return group.lr() * Math.pow(gamma, times);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, lastEpoch);
  }

  private int occurrences(int epoch) {
    return bisectRight(epoch) - bisectRight(epoch - 1);
  }

  /** Python's {@code bisect_right}: how many milestones are at most {@code epoch}. */
  private int bisectRight(int epoch) {
    int lo = 0;
    int hi = milestones.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (epoch < milestones[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
