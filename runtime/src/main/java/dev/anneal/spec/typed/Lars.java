package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code timm.optim.Lars}: layer-wise adaptive rate scaling (LARS).
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Lars extends TypedSpec<Lars> {
  private Lars() {
    super(Category.OPTIMIZER, "LARS");
  }

  /**
   * A {@code LARS} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Lars spec() {
    return new Lars();
  }

  /**
   * {@code lr}: learning rate; default 1.0; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Lars lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code momentum}: momentum factor; default 0.0; in [0, inf).
   *
   * @param momentum the value of {@code momentum}
   * @return this spec
   */
  public Lars momentum(double momentum) {
    return set("momentum", momentum);
  }

  /**
   * {@code dampening}: dampening of the momentum; default 0.0.
   *
   * @param dampening the value of {@code dampening}
   * @return this spec
   */
  public Lars dampening(double dampening) {
    return set("dampening", dampening);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Lars weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code nesterov}: Nesterov momentum; default False.
   *
   * @param nesterov the value of {@code nesterov}
   * @return this spec
   */
  public Lars nesterov(boolean nesterov) {
    return set("nesterov", nesterov);
  }

  /**
   * {@code trust_coefficient}: scale of the trust ratio; default 0.001; in [0, inf).
   *
   * @param trustCoefficient the value of {@code trust_coefficient}
   * @return this spec
   */
  public Lars trustCoefficient(double trustCoefficient) {
    return set("trust_coefficient", trustCoefficient);
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public Lars eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code trust_clip}: clip the trust ratio at 1 (LARC); default False.
   *
   * @param trustClip the value of {@code trust_clip}
   * @return this spec
   */
  public Lars trustClip(boolean trustClip) {
    return set("trust_clip", trustClip);
  }

  /**
   * {@code always_adapt}: adapt the lr of parameters without weight decay too; default False.
   *
   * @param alwaysAdapt the value of {@code always_adapt}
   * @return this spec
   */
  public Lars alwaysAdapt(boolean alwaysAdapt) {
    return set("always_adapt", alwaysAdapt);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Lars foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Lars fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Lars capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Lars differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
