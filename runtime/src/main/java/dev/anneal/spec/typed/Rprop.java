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
   *
   * @return the spec
   */
  public static Rprop spec() {
    return new Rprop();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Rprop lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code etas}: multiplicative decrease and increase factors; default (0.5, 1.2); elements in [(0, 1), (1, inf)].
   *
   * @param first the first element of {@code etas}
   * @param second the second element of {@code etas}
   * @return this spec
   */
  public Rprop etas(double first, double second) {
    return set("etas", Arrays.asList(first, second));
  }

  /**
   * {@code step_sizes}: minimal and maximal step sizes; default (1.0E-6, 50.0).
   *
   * @param first the first element of {@code step_sizes}
   * @param second the second element of {@code step_sizes}
   * @return this spec
   */
  public Rprop stepSizes(double first, double second) {
    return set("step_sizes", Arrays.asList(first, second));
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Rprop maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Rprop foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Rprop fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Rprop capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Rprop differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
