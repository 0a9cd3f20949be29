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
   */
  public static Lars spec() {
    return new Lars();
  }

  /**
   * {@code lr}: learning rate; default 1.0; in [0, inf).
   */
  public Lars lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code momentum}: momentum factor; default 0.0; in [0, inf).
   */
  public Lars momentum(double momentum) {
    return set("momentum", momentum);
  }

  /**
   * {@code dampening}: dampening of the momentum; default 0.0.
   */
  public Lars dampening(double dampening) {
    return set("dampening", dampening);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   */
  public Lars weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code nesterov}: Nesterov momentum; default False.
   */
  public Lars nesterov(boolean nesterov) {
    return set("nesterov", nesterov);
  }

  /**
   * {@code trust_coefficient}: scale of the trust ratio; default 0.001; in [0, inf).
   */
  public Lars trustCoefficient(double trustCoefficient) {
    return set("trust_coefficient", trustCoefficient);
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   */
  public Lars eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code trust_clip}: clip the trust ratio at 1 (LARC); default False.
   */
  public Lars trustClip(boolean trustClip) {
    return set("trust_clip", trustClip);
  }

  /**
   * {@code always_adapt}: adapt the lr of parameters without weight decay too; default False.
   */
  public Lars alwaysAdapt(boolean alwaysAdapt) {
    return set("always_adapt", alwaysAdapt);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Lars foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Lars fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Lars capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Lars differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
