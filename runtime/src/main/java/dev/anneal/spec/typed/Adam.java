package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.Adam}: Adam, optionally AMSGrad and decoupled weight decay.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Adam extends TypedSpec<Adam> {
  private Adam() {
    super(Category.OPTIMIZER, "Adam");
  }

  /**
   * A {@code Adam} with PyTorch's defaults; each setter overrides one.
   */
  public static Adam spec() {
    return new Adam();
  }

  /**
   * {@code lr}: learning rate; default 0.001; in [0, inf).
   */
  public Adam lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code betas}: averaging coefficients of the gradient and its square; default (0.9, 0.999); in [0, 1).
   */
  public Adam betas(double first, double second) {
    return set("betas", Arrays.asList(first, second));
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   */
  public Adam eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   */
  public Adam weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code amsgrad}: AMSGrad variant; default False.
   */
  public Adam amsgrad(boolean amsgrad) {
    return set("amsgrad", amsgrad);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   */
  public Adam maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code decoupled_weight_decay}: decay the weights directly (AdamW's way) instead of adding to the gradient; default False.
   */
  public Adam decoupledWeightDecay(boolean decoupledWeightDecay) {
    return set("decoupled_weight_decay", decoupledWeightDecay);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adam foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adam fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adam capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adam differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
