package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.ConstantLR}: lr times factor until total_iters.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class ConstantLR extends TypedSpec<ConstantLR> {
  private ConstantLR() {
    super(Category.SCHEDULER, "ConstantLR");
  }

  /**
   * A {@code ConstantLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static ConstantLR spec() {
    return new ConstantLR();
  }

  /**
   * {@code factor}: factor before total_iters; default 0.3333333333333333; in [0, 1].
   *
   * @param factor the value of {@code factor}
   * @return this spec
   */
  public ConstantLR factor(double factor) {
    return set("factor", factor);
  }

  /**
   * {@code total_iters}: positions with the factor; default 5; in [0, inf).
   *
   * @param totalIters the value of {@code total_iters}
   * @return this spec
   */
  public ConstantLR totalIters(int totalIters) {
    return set("total_iters", totalIters);
  }
}
