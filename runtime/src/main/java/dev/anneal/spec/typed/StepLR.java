package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.StepLR}: lr times gamma every step_size positions.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class StepLR extends TypedSpec<StepLR> {
  private StepLR() {
    super(Category.SCHEDULER, "StepLR");
  }

  /**
   * A {@code StepLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static StepLR spec() {
    return new StepLR();
  }

  /**
   * {@code step_size}: positions between decays; required; in [1, inf).
   *
   * @param stepSize the value of {@code step_size}
   * @return this spec
   */
  public StepLR stepSize(int stepSize) {
    return set("step_size", stepSize);
  }

  /**
   * {@code gamma}: multiplicative factor; default 0.1; in [0, inf).
   *
   * @param gamma the value of {@code gamma}
   * @return this spec
   */
  public StepLR gamma(double gamma) {
    return set("gamma", gamma);
  }
}
