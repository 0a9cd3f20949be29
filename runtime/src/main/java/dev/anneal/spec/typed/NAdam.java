package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.NAdam}: Adam with Nesterov momentum.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class NAdam extends TypedSpec<NAdam> {
  private NAdam() {
    super(Category.OPTIMIZER, "NAdam");
  }

  /**
   * A {@code NAdam} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static NAdam spec() {
    return new NAdam();
  }

  /**
   * {@code lr}: learning rate; default 0.002; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public NAdam lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code betas}: averaging coefficients of the gradient and its square; default (0.9, 0.999); in [0, 1).
   *
   * @param first the first element of {@code betas}
   * @param second the second element of {@code betas}
   * @return this spec
   */
  public NAdam betas(double first, double second) {
    return set("betas", Arrays.asList(first, second));
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public NAdam eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public NAdam weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code momentum_decay}: momentum decay; default 0.004; in [0, inf).
   *
   * @param momentumDecay the value of {@code momentum_decay}
   * @return this spec
   */
  public NAdam momentumDecay(double momentumDecay) {
    return set("momentum_decay", momentumDecay);
  }

  /**
   * {@code decoupled_weight_decay}: decay the weights directly (AdamW's way) instead of adding to the gradient; default False.
   *
   * @param decoupledWeightDecay the value of {@code decoupled_weight_decay}
   * @return this spec
   */
  public NAdam decoupledWeightDecay(boolean decoupledWeightDecay) {
    return set("decoupled_weight_decay", decoupledWeightDecay);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public NAdam maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public NAdam foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public NAdam fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public NAdam capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public NAdam differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
