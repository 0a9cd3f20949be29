package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.RMSprop}: RMSprop, optionally centered and with momentum.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class RmsProp extends TypedSpec<RmsProp> {
  private RmsProp() {
    super(Category.OPTIMIZER, "RMSprop");
  }

  /**
   * A {@code RMSprop} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static RmsProp spec() {
    return new RmsProp();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public RmsProp lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code alpha}: smoothing constant; default 0.99; in [0, inf).
   *
   * @param alpha the value of {@code alpha}
   * @return this spec
   */
  public RmsProp alpha(double alpha) {
    return set("alpha", alpha);
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public RmsProp eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public RmsProp weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code momentum}: momentum factor; default 0.0; in [0, inf).
   *
   * @param momentum the value of {@code momentum}
   * @return this spec
   */
  public RmsProp momentum(double momentum) {
    return set("momentum", momentum);
  }

  /**
   * {@code centered}: normalize by the estimated variance of the gradient; default False.
   *
   * @param centered the value of {@code centered}
   * @return this spec
   */
  public RmsProp centered(boolean centered) {
    return set("centered", centered);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public RmsProp maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public RmsProp foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public RmsProp fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public RmsProp capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public RmsProp differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
