package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.PolynomialLR}: polynomial decay to 0 over total_iters.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class PolynomialLR extends TypedSpec<PolynomialLR> {
  private PolynomialLR() {
    super(Category.SCHEDULER, "PolynomialLR");
  }

  /**
   * A {@code PolynomialLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static PolynomialLR spec() {
    return new PolynomialLR();
  }

  /**
   * {@code total_iters}: positions of the decay; default 5; in [1, inf).
   *
   * @param totalIters the value of {@code total_iters}
   * @return this spec
   */
  public PolynomialLR totalIters(int totalIters) {
    return set("total_iters", totalIters);
  }

  /**
   * {@code power}: power of the polynomial; default 1.0.
   *
   * @param power the value of {@code power}
   * @return this spec
   */
  public PolynomialLR power(double power) {
    return set("power", power);
  }
}
