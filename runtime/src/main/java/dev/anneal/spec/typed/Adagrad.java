package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.Adagrad}: Adagrad.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Adagrad extends TypedSpec<Adagrad> {
  private Adagrad() {
    super(Category.OPTIMIZER, "Adagrad");
  }

  /**
   * A {@code Adagrad} with PyTorch's defaults; each setter overrides one.
   */
  public static Adagrad spec() {
    return new Adagrad();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   */
  public Adagrad lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code lr_decay}: learning rate decay; default 0.0; in [0, inf).
   */
  public Adagrad lrDecay(double lrDecay) {
    return set("lr_decay", lrDecay);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   */
  public Adagrad weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code initial_accumulator_value}: initial sum of squares; default 0.0; in [0, inf).
   */
  public Adagrad initialAccumulatorValue(double initialAccumulatorValue) {
    return set("initial_accumulator_value", initialAccumulatorValue);
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-10; in [0, inf).
   */
  public Adagrad eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   */
  public Adagrad maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adagrad foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adagrad fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adagrad capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   */
  public Adagrad differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
