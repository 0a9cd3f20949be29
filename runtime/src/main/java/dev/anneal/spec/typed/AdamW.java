package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.AdamW}: Adam with decoupled weight decay.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class AdamW extends TypedSpec<AdamW> {
  private AdamW() {
    super(Category.OPTIMIZER, "AdamW");
  }

  /**
   * A {@code AdamW} with PyTorch's defaults; each setter overrides one.
   */
  public static AdamW spec() {
    return new AdamW();
  }

  /**
   * {@code lr}: learning rate; default 0.001; in [0, inf).
   */
  public AdamW lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code betas}: averaging coefficients of the gradient and its square; default (0.9, 0.999); in [0, 1).
   */
  public AdamW betas(double first, double second) {
    return set("betas", Arrays.asList(first, second));
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   */
  public AdamW eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.01; in [0, inf).
   */
  public AdamW weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code amsgrad}: AMSGrad variant; default False.
   */
  public AdamW amsgrad(boolean amsgrad) {
    return set("amsgrad", amsgrad);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   */
  public AdamW maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public AdamW foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public AdamW fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public AdamW capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public AdamW differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
