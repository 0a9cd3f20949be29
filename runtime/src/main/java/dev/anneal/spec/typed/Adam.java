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
   *
   * @return the spec
   */
  public static Adam spec() {
    return new Adam();
  }

  /**
   * {@code lr}: learning rate; default 0.001; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Adam lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code betas}: averaging coefficients of the gradient and its square; default (0.9, 0.999); in [0, 1).
   *
   * @param first the first element of {@code betas}
   * @param second the second element of {@code betas}
   * @return this spec
   */
  public Adam betas(double first, double second) {
    return set("betas", Arrays.asList(first, second));
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public Adam eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Adam weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code amsgrad}: AMSGrad variant; default False.
   *
   * @param amsgrad the value of {@code amsgrad}
   * @return this spec
   */
  public Adam amsgrad(boolean amsgrad) {
    return set("amsgrad", amsgrad);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Adam maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code decoupled_weight_decay}: decay the weights directly (AdamW's way) instead of adding to the gradient; default False.
   *
   * @param decoupledWeightDecay the value of {@code decoupled_weight_decay}
   * @return this spec
   */
  public Adam decoupledWeightDecay(boolean decoupledWeightDecay) {
    return set("decoupled_weight_decay", decoupledWeightDecay);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Adam foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Adam fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Adam capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Adam differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
