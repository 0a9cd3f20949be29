package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Map;

/** {@code torch.optim.lr_scheduler.StepLR}: lr times {@code gamma} every {@code step_size} steps. */
public final class StepLR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "StepLR";
  private final int stepSize;
  private final double gamma;
  private final LrCurve curve;

  /**
   * The scheduler over {@code groups}, with PyTorch's arguments.
   *
   * @param groups the groups it schedules, from the lr each has when it starts
   * @param stepSize PyTorch's {@code step_size}
   * @param gamma PyTorch's {@code gamma}
   */
  public StepLR(GroupSource groups, int stepSize, double gamma) {
    super(TYPE, groups);
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.curve = descriptorCurve(TYPE, Map.of("step_size", stepSize, "gamma", gamma));
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
    return curve.lr(g, base, lastEpoch);
  }
}
