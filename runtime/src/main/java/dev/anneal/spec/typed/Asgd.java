package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.ASGD}: averaged stochastic gradient descent.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Asgd extends TypedSpec<Asgd> {
  private Asgd() {
    super(Category.OPTIMIZER, "ASGD");
  }

  /**
   * A {@code ASGD} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Asgd spec() {
    return new Asgd();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Asgd lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code lambd}: decay term; default 1.0E-4.
   *
   * @param lambd the value of {@code lambd}
   * @return this spec
   */
  public Asgd lambd(double lambd) {
    return set("lambd", lambd);
  }

  /**
   * {@code alpha}: power for eta update; default 0.75.
   *
   * @param alpha the value of {@code alpha}
   * @return this spec
   */
  public Asgd alpha(double alpha) {
    return set("alpha", alpha);
  }

  /**
   * {@code t0}: point at which to start averaging; default 1000000.0.
   *
   * @param t0 the value of {@code t0}
   * @return this spec
   */
  public Asgd t0(double t0) {
    return set("t0", t0);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Asgd weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Asgd maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Asgd foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Asgd fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Asgd capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Asgd differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
