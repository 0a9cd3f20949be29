package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: factor moving linearly from start_factor to end_factor over total_iters.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class LinearLR extends TypedSpec<LinearLR> {
  private LinearLR() {
    super(Category.SCHEDULER, "LinearLR");
  }

  /**
   * A {@code LinearLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static LinearLR spec() {
    return new LinearLR();
  }

  /**
   * {@code start_factor}: factor at position 0; default 0.3333333333333333; in (0, 1].
   *
   * @param startFactor the value of {@code start_factor}
   * @return this spec
   */
  public LinearLR startFactor(double startFactor) {
    return set("start_factor", startFactor);
  }

  /**
   * {@code end_factor}: factor from total_iters on; default 1.0; in [0, 1].
   *
   * @param endFactor the value of {@code end_factor}
   * @return this spec
   */
  public LinearLR endFactor(double endFactor) {
    return set("end_factor", endFactor);
  }

  /**
   * {@code total_iters}: positions of the ramp; default 5; in [0, inf).
   *
   * @param totalIters the value of {@code total_iters}
   * @return this spec
   */
  public LinearLR totalIters(int totalIters) {
    return set("total_iters", totalIters);
  }
}
