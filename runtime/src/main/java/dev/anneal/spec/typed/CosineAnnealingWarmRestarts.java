package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}: cosine annealing restarting after T_0, T_0*T_mult, ....
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class CosineAnnealingWarmRestarts extends TypedSpec<CosineAnnealingWarmRestarts> {
  private CosineAnnealingWarmRestarts() {
    super(Category.SCHEDULER, "CosineAnnealingWarmRestarts");
  }

  /**
   * A {@code CosineAnnealingWarmRestarts} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static CosineAnnealingWarmRestarts spec() {
    return new CosineAnnealingWarmRestarts();
  }

  /**
   * {@code T_0}: positions of the first cycle; required; in [1, inf).
   *
   * @param t0 the value of {@code T_0}
   * @return this spec
   */
  public CosineAnnealingWarmRestarts t0(int t0) {
    return set("T_0", t0);
  }

  /**
   * {@code T_mult}: growth of each cycle; default 1; in [1, inf).
   *
   * @param tMult the value of {@code T_mult}
   * @return this spec
   */
  public CosineAnnealingWarmRestarts tMult(int tMult) {
    return set("T_mult", tMult);
  }

  /**
   * {@code eta_min}: minimum lr; default 0.0.
   *
   * @param etaMin the value of {@code eta_min}
   * @return this spec
   */
  public CosineAnnealingWarmRestarts etaMin(double etaMin) {
    return set("eta_min", etaMin);
  }
}
