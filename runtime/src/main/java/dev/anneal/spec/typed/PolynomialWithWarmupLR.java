package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code transformers.get_polynomial_decay_schedule_with_warmup}: linear warmup, then polynomial decay to lr_end.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class PolynomialWithWarmupLR extends TypedSpec<PolynomialWithWarmupLR> {
  private PolynomialWithWarmupLR() {
    super(Category.SCHEDULER, "PolynomialWithWarmupLR");
  }

  /**
   * A {@code PolynomialWithWarmupLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static PolynomialWithWarmupLR spec() {
    return new PolynomialWithWarmupLR();
  }

  /**
   * {@code num_warmup_steps}: steps of the linear warmup (or give warmup_ratio); default None; in [0, inf).
   *
   * @param numWarmupSteps the value of {@code num_warmup_steps} ({@code null}: None)
   * @return this spec
   */
  public PolynomialWithWarmupLR numWarmupSteps(Integer numWarmupSteps) {
    return set("num_warmup_steps", numWarmupSteps);
  }

  /**
   * {@code warmup_ratio}: the Trainer's warmup_ratio: num_warmup_steps = ceil(warmup_ratio * num_training_steps); default None; in [0, 1).
   *
   * @param warmupRatio the value of {@code warmup_ratio} ({@code null}: None)
   * @return this spec
   */
  public PolynomialWithWarmupLR warmupRatio(Double warmupRatio) {
    return set("warmup_ratio", warmupRatio);
  }

  /**
   * {@code num_training_steps}: steps of the whole schedule; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param numTrainingSteps the value of {@code num_training_steps}
   * @return this spec
   */
  public PolynomialWithWarmupLR numTrainingSteps(int numTrainingSteps) {
    return set("num_training_steps", numTrainingSteps);
  }

  /**
   * {@code lr_end}: final lr, below every group's lr; default 1.0E-7; in [0, inf).
   *
   * @param lrEnd the value of {@code lr_end}
   * @return this spec
   */
  public PolynomialWithWarmupLR lrEnd(double lrEnd) {
    return set("lr_end", lrEnd);
  }

  /**
   * {@code power}: power of the polynomial; default 1.0.
   *
   * @param power the value of {@code power}
   * @return this spec
   */
  public PolynomialWithWarmupLR power(double power) {
    return set("power", power);
  }
}
