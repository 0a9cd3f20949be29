package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.Adadelta}: Adadelta.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Adadelta extends TypedSpec<Adadelta> {
  private Adadelta() {
    super(Category.OPTIMIZER, "Adadelta");
  }

  /**
   * A {@code Adadelta} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Adadelta spec() {
    return new Adadelta();
  }

  /**
   * {@code lr}: learning rate; default 1.0; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Adadelta lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code rho}: running average coefficient; default 0.9; in [0, 1].
   *
   * @param rho the value of {@code rho}
   * @return this spec
   */
  public Adadelta rho(double rho) {
    return set("rho", rho);
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-6; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public Adadelta eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Adadelta weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Adadelta maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Adadelta foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Adadelta fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Adadelta capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Adadelta differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
