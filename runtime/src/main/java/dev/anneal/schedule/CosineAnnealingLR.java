package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: half a cosine from the base lr to
 * {@code eta_min} over {@code T_max} steps, continuing periodically past {@code T_max} as PyTorch does.
 */
public final class CosineAnnealingLR extends AbstractLrScheduler {
  public static final String TYPE = "CosineAnnealingLR";
  private final double tMax;
  private final double etaMin;
  private final LrCurve curve;

  public CosineAnnealingLR(GroupSource groups, int tMax, double etaMin) {
    super(TYPE, groups);
    this.tMax = tMax;
    this.etaMin = etaMin;
    this.curve = descriptorCurve(TYPE, Map.of("T_max", tMax, "eta_min", etaMin));
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    double lr = group.lr();
    if (lastEpoch == 0 || resuming()) {
      return lr;
    }
    // PyTorch's chainable form; Python's % is a floor modulo.
    double k = (lastEpoch - 1 - tMax);
    if (k - Math.floor(k / (2 * tMax)) * (2 * tMax) == 0) {
      return lr + (baseLrs[g] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
    }
    return (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax)) * (lr - etaMin) + etaMin;
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return curve.lr(g, base, lastEpoch);
  }
}
