package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Map;

/** {@code torch.optim.lr_scheduler.ExponentialLR}: lr times {@code gamma} every step. */
public final class ExponentialLR extends AbstractLrScheduler {
  public static final String TYPE = "ExponentialLR";
  private final double gamma;
  private final LrCurve curve;

  public ExponentialLR(GroupSource groups, double gamma) {
    super(TYPE, groups);
    this.gamma = gamma;
    this.curve = descriptorCurve(TYPE, Map.of("gamma", gamma));
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return lastEpoch == 0 || resuming() ? group.lr() : group.lr() * gamma;
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, lastEpoch);
  }
}
