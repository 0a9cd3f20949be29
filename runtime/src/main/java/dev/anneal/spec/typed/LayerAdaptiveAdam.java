package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code the seed's layer-adaptive Adam}: Adam whose step is scaled per parameter by the ratio of weight and update norms.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class LayerAdaptiveAdam extends TypedSpec<LayerAdaptiveAdam> {
  private LayerAdaptiveAdam() {
    super(Category.OPTIMIZER, "LayerAdaptiveAdam");
  }

  /**
   * A {@code LayerAdaptiveAdam} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static LayerAdaptiveAdam spec() {
    return new LayerAdaptiveAdam();
  }

  /**
   * {@code lr}: learning rate; default 0.001; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public LayerAdaptiveAdam lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code betas}: averaging coefficients of the gradient and its square; default (0.9, 0.999); in [0, 1).
   *
   * @param first the first element of {@code betas}
   * @param second the second element of {@code betas}
   * @return this spec
   */
  public LayerAdaptiveAdam betas(double first, double second) {
    return set("betas", Arrays.asList(first, second));
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-8; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public LayerAdaptiveAdam eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public LayerAdaptiveAdam weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code trust_coefficient}: scale of the trust ratio; default 1.0; in [0, inf).
   *
   * @param trustCoefficient the value of {@code trust_coefficient}
   * @return this spec
   */
  public LayerAdaptiveAdam trustCoefficient(double trustCoefficient) {
    return set("trust_coefficient", trustCoefficient);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public LayerAdaptiveAdam foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public LayerAdaptiveAdam fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public LayerAdaptiveAdam capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public LayerAdaptiveAdam differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
