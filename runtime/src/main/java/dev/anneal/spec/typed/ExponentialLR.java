package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.ExponentialLR}: lr times gamma every position.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class ExponentialLR extends TypedSpec<ExponentialLR> {
  private ExponentialLR() {
    super(Category.SCHEDULER, "ExponentialLR");
  }

  /**
   * A {@code ExponentialLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static ExponentialLR spec() {
    return new ExponentialLR();
  }

  /**
   * {@code gamma}: multiplicative factor; required; in [0, inf).
   *
   * @param gamma the value of {@code gamma}
   * @return this spec
   */
  public ExponentialLR gamma(double gamma) {
    return set("gamma", gamma);
  }
}
