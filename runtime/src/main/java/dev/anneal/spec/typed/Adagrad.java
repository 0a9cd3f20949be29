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
   *
   * @return the spec
   */
  public static Adagrad spec() {
    return new Adagrad();
  }

  /**
   * {@code lr}: learning rate; default 0.01; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Adagrad lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code lr_decay}: learning rate decay; default 0.0; in [0, inf).
   *
   * @param lrDecay the value of {@code lr_decay}
   * @return this spec
   */
  public Adagrad lrDecay(double lrDecay) {
    return set("lr_decay", lrDecay);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.0; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Adagrad weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code initial_accumulator_value}: initial sum of squares; default 0.0; in [0, inf).
   *
   * @param initialAccumulatorValue the value of {@code initial_accumulator_value}
   * @return this spec
   */
  public Adagrad initialAccumulatorValue(double initialAccumulatorValue) {
    return set("initial_accumulator_value", initialAccumulatorValue);
  }

  /**
   * {@code eps}: added to the denominator; default 1.0E-10; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public Adagrad eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code maximize}: maximize the objective; default False.
   *
   * @param maximize the value of {@code maximize}
   * @return this spec
   */
  public Adagrad maximize(boolean maximize) {
    return set("maximize", maximize);
  }

  /**
   * {@code foreach}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param foreach the value of {@code foreach} ({@code null}: None)
   * @return this spec
   */
  public Adagrad foreach(Boolean foreach) {
    return set("foreach", foreach);
  }

  /**
   * {@code fused}; default None (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param fused the value of {@code fused} ({@code null}: None)
   * @return this spec
   */
  public Adagrad fused(Boolean fused) {
    return set("fused", fused);
  }

  /**
   * {@code capturable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param capturable the value of {@code capturable} ({@code null}: None)
   * @return this spec
   */
  public Adagrad capturable(Boolean capturable) {
    return set("capturable", capturable);
  }

  /**
   * {@code differentiable}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param differentiable the value of {@code differentiable} ({@code null}: None)
   * @return this spec
   */
  public Adagrad differentiable(Boolean differentiable) {
    return set("differentiable", differentiable);
  }
}
