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
   */
  public static Asgd spec() {
    return new Asgd();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   */
  public Asgd lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code lambd}: decay term; default 1.0E-4.
   */
  public Asgd lambd(double lambd) {
    return set("lambd", lambd);
  }

  /**
   * {@code alpha}: power for eta update; default 0.75.
   */
  public Asgd alpha(double alpha) {
    return set("alpha", alpha);
  }

  /**
   * {@code t0}: point at which to start averaging; default 1000000.0.
   */
  public Asgd t0(double t0) {
    return set("t0", t0);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   */
  public Asgd weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   */
  public Asgd maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Asgd foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Asgd fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Asgd capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Asgd differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
