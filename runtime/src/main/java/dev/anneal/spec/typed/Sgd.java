package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.SGD}: stochastic gradient descent with momentum, dampening and Nesterov.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Sgd extends TypedSpec<Sgd> {
  private Sgd() {
    super(Category.OPTIMIZER, "SGD");
  }

  /**
   * A {@code SGD} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Sgd spec() {
    return new Sgd();
  }

  /**
   * {@code lr}: learning rate; default 0.001; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Sgd lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code momentum}: momentum factor; default 0.0; in [0, inf).
   *
   * @param momentum the value of {@code momentum}
   * @return this spec
   */
  public Sgd momentum(double momentum) {
    return set("momentum", momentum);
  }

  /**
   * {@code dampening}: dampening of the momentum; default 0.0.
   *
   * @param dampening the value of {@code dampening}
   * @return this spec
   */
  public Sgd dampening(double dampening) {
    return set("dampening", dampening);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Sgd weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code nesterov}: Nesterov momentum; default False.
   *
   * @param nesterov the value of {@code nesterov}
   * @return this spec
   */
  public Sgd nesterov(boolean nesterov) {
    return set("nesterov", nesterov);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Sgd maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Sgd foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Sgd fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Sgd capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Sgd differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
