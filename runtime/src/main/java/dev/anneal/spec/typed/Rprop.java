package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.Rprop}: resilient backpropagation.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Rprop extends TypedSpec<Rprop> {
  private Rprop() {
    super(Category.OPTIMIZER, "Rprop");
  }

  /**
   * A {@code Rprop} with PyTorch's defaults; each setter overrides one.
   */
  public static Rprop spec() {
    return new Rprop();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   */
  public Rprop lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code etas}: multiplicative decrease and increase factors; default (0.5, 1.2); elements in [(0, 1), (1, inf)].
   */
  public Rprop etas(double first, double second) {
    return set("etas", Arrays.asList(first, second));
  }

  /**
   * {@code step_sizes}: minimal and maximal step sizes; default (1.0E-6, 50.0).
   */
  public Rprop stepSizes(double first, double second) {
    return set("step_sizes", Arrays.asList(first, second));
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   */
  public Rprop maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Rprop foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Rprop fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Rprop capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Rprop differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
