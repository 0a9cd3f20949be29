package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: half a cosine from the base lr to eta_min over T_max.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class CosineAnnealingLR extends TypedSpec<CosineAnnealingLR> {
  private CosineAnnealingLR() {
    super(Category.SCHEDULER, "CosineAnnealingLR");
  }

  /**
   * A {@code CosineAnnealingLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static CosineAnnealingLR spec() {
    return new CosineAnnealingLR();
  }

  /**
   * {@code T_max}: positions of the half cosine; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param tMax the value of {@code T_max}
   * @return this spec
   */
  public CosineAnnealingLR tMax(int tMax) {
    return set("T_max", tMax);
  }

  /**
   * {@code eta_min}: minimum lr; default 0.0.
   *
   * @param etaMin the value of {@code eta_min}
   * @return this spec
   */
  public CosineAnnealingLR etaMin(double etaMin) {
    return set("eta_min", etaMin);
  }
}
