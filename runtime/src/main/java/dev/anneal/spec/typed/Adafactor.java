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
   */
  public static Adafactor spec() {
    return new Adafactor();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   */
  public Adafactor lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code beta2_decay}: decay rate of the second moment, at most 0; default -0.8; in (-inf, 0].
   */
  public Adafactor beta2Decay(double beta2Decay) {
    return set("beta2_decay", beta2Decay);
  }

  /**
   * {@code eps}: (eps1, eps2): eps1 stabilizes the denominator (None: the dtype's machine epsilon), eps2 the parameter scale; default (None, 0.001); in [0, inf).
   */
  public Adafactor eps(Double first, Double second) {
    return set("eps", Arrays.asList(first, second));
  }

  /**
   * {@code d}: clipping threshold of the update's RMS; default 1.0; in [1, inf).
   */
  public Adafactor d(double d) {
    return set("d", d);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   */
  public Adafactor weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   */
  public Adafactor maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adafactor foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adafactor fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adafactor capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adafactor differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
