package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.Adafactor}: Adafactor (factored second moments; PyTorch 2.5+).
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Adafactor extends TypedSpec<Adafactor> {
  private Adafactor() {
    super(Category.OPTIMIZER, "Adafactor");
  }

  /**
   * A {@code Adafactor} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Adafactor spec() {
    return new Adafactor();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Adafactor lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code beta2_decay}: decay rate of the second moment, at most 0; default -0.8; in (-inf, 0].
   *
   * @param beta2Decay the value of {@code beta2_decay}
   * @return this spec
   */
  public Adafactor beta2Decay(double beta2Decay) {
    return set("beta2_decay", beta2Decay);
  }

  /**
   * {@code eps}: (eps1, eps2): eps1 stabilizes the denominator (None: the dtype's machine epsilon), eps2 the parameter scale; default (None, 0.001); in [0, inf).
   *
   * @param first the first element of {@code eps}
   * @param second the second element of {@code eps}
   * @return this spec
   */
  public Adafactor eps(Double first, Double second) {
    return set("eps", Arrays.asList(first, second));
  }

  /**
   * {@code d}: clipping threshold of the update's RMS; default 1.0; in [1, inf).
   *
   * @param d the value of {@code d}
   * @return this spec
   */
  public Adafactor d(double d) {
    return set("d", d);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Adafactor weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Adafactor maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Adafactor foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Adafactor fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Adafactor capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Adafactor differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
