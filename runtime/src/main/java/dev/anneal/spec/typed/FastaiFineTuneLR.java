package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code fastai.callback.schedule.fine_tune}: fastai's fine_tune: a 1cycle over the frozen epochs at slice(base_lr), then a 1cycle at slice(base_lr/2/lr_mult, base_lr/2) over the layer groups; each group's lr is its base_lr; the optimizer state is cleared when the second fit begins.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class FastaiFineTuneLR extends TypedSpec<FastaiFineTuneLR> {
  private FastaiFineTuneLR() {
    super(Category.SCHEDULER, "fastai.fine_tune");
  }

  /**
   * A {@code fastai.fine_tune} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static FastaiFineTuneLR spec() {
    return new FastaiFineTuneLR();
  }

  /**
   * {@code epochs}: epochs after unfreezing (fine_tune's epochs); required; in [1, inf).
   *
   * @param epochs the value of {@code epochs}
   * @return this spec
   */
  public FastaiFineTuneLR epochs(int epochs) {
    return set("epochs", epochs);
  }

  /**
   * {@code freeze_epochs}: epochs with every layer group but the last frozen (0: none); default 1; in [0, inf).
   *
   * @param freezeEpochs the value of {@code freeze_epochs}
   * @return this spec
   */
  public FastaiFineTuneLR freezeEpochs(int freezeEpochs) {
    return set("freeze_epochs", freezeEpochs);
  }

  /**
   * {@code lr_mult}: ratio between the top and the bottom layer group's lr after unfreezing; default 100.0; in (0, inf).
   *
   * @param lrMult the value of {@code lr_mult}
   * @return this spec
   */
  public FastaiFineTuneLR lrMult(double lrMult) {
    return set("lr_mult", lrMult);
  }

  /**
   * {@code pct_start}: fraction of the unfrozen steps spent rising; default 0.3; in [0, 1].
   *
   * @param pctStart the value of {@code pct_start}
   * @return this spec
   */
  public FastaiFineTuneLR pctStart(double pctStart) {
    return set("pct_start", pctStart);
  }

  /**
   * {@code div}: first lr of the unfrozen cycle = lr_max / div; default 5.0; in (0, inf).
   *
   * @param div the value of {@code div}
   * @return this spec
   */
  public FastaiFineTuneLR div(double div) {
    return set("div", div);
  }

  /**
   * {@code div_final}: last lr of each cycle = lr_max / div_final; default 100000.0; in (0, inf).
   *
   * @param divFinal the value of {@code div_final}
   * @return this spec
   */
  public FastaiFineTuneLR divFinal(double divFinal) {
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
  public FastaiFineTuneLR moms(double first, double second, double third) {
    return set("moms", Arrays.asList(first, second, third));
  }

  /**
   * {@code total_steps}: steps of the whole fine_tune: (freeze_epochs + epochs) * batches; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param totalSteps the value of {@code total_steps}
   * @return this spec
   */
  public FastaiFineTuneLR totalSteps(int totalSteps) {
    return set("total_steps", totalSteps);
  }
}
