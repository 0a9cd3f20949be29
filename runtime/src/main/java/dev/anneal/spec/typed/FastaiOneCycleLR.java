package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code fastai.callback.schedule.fit_one_cycle}: fastai's 1cycle: cosine from lr_max/div up to each group's lr (its lr_max), then down to lr_max/div_final; momentum the other way.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class FastaiOneCycleLR extends TypedSpec<FastaiOneCycleLR> {
  private FastaiOneCycleLR() {
    super(Category.SCHEDULER, "fastai.fit_one_cycle");
  }

  /**
   * A {@code fastai.fit_one_cycle} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static FastaiOneCycleLR spec() {
    return new FastaiOneCycleLR();
  }

  /**
   * {@code total_steps}: steps of the fit: n_epoch * batches; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param totalSteps the value of {@code total_steps}
   * @return this spec
   */
  public FastaiOneCycleLR totalSteps(int totalSteps) {
    return set("total_steps", totalSteps);
  }

  /**
   * {@code pct_start}: fraction of the steps spent rising; default 0.25; in [0, 1].
   *
   * @param pctStart the value of {@code pct_start}
   * @return this spec
   */
  public FastaiOneCycleLR pctStart(double pctStart) {
    return set("pct_start", pctStart);
  }

  /**
   * {@code div}: first lr = lr_max / div; default 25.0; in (0, inf).
   *
   * @param div the value of {@code div}
   * @return this spec
   */
  public FastaiOneCycleLR div(double div) {
    return set("div", div);
  }

  /**
   * {@code div_final}: last lr = lr_max / div_final; default 100000.0; in (0, inf).
   *
   * @param divFinal the value of {@code div_final}
   * @return this spec
   */
  public FastaiOneCycleLR divFinal(double divFinal) {
    return set("div_final", divFinal);
  }

  /**
   * {@code moms}: momentum (Adam's beta1) at the start, the peak lr and the end; Learner's moms; default (0.95, 0.85, 0.95); elements in [[0, 1), [0, 1), [0, 1)].
   *
   * @param first the first element of {@code moms}
   * @param second the second element of {@code moms}
   * @param third the third element of {@code moms}
   * @return this spec
   */
  public FastaiOneCycleLR moms(double first, double second, double third) {
    return set("moms", Arrays.asList(first, second, third));
  }
}
