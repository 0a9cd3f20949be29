package dev.anneal.vocabulary.builtin;

import static dev.anneal.vocabulary.Argument.flag;
import static dev.anneal.vocabulary.Argument.integer;
import static dev.anneal.vocabulary.Argument.number;
import static dev.anneal.vocabulary.Argument.tuple;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Constraint;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Range;
import dev.anneal.vocabulary.Stepping;
import dev.anneal.vocabulary.Values;
import java.util.List;

/**
 * fastai's schedules ({@code fastai/callback/schedule.py}: {@code fit_one_cycle}, {@code fine_tune})
 * and ULMFiT's slanted triangular learning rates, under fastai's argument names. Each steps once per
 * optimizer step (fastai's {@code ParamScheduler.before_batch}). The rules about {@code total_steps}
 * judge the real length: the processor's placeholder for a derived length is not judged by them.
 */
final class FastaiDescriptors {
  private FastaiDescriptors() {}

  private static final Range POSITIVE = Range.above(0);
  private static final Range FRACTION = Range.closed(0, 1);
  private static final Range MOMENTUM = Range.closedOpen(0, 1);

  static List<Descriptor> all() {
    return List.of(fitOneCycle(), fineTune(), slantedTriangular());
  }

  private static Argument totalSteps(String doc) {
    return integer("total_steps", null).derivedFromLength().range(Range.atLeast(1)).doc(doc);
  }

  private static Argument moms() {
    return tuple("moms", 0.95, 0.85, 0.95).elementRanges(MOMENTUM, MOMENTUM, MOMENTUM)
        .doc("momentum (Adam's beta1) at the start, the peak lr and the end; Learner's moms");
  }

  private static Descriptor fitOneCycle() {
    return Descriptor.scheduler("fastai.fit_one_cycle").javaName("FastaiOneCycleLR")
        .origin("fastai.callback.schedule.fit_one_cycle")
        .summary("fastai's 1cycle: cosine from lr_max/div up to each group's lr (its lr_max), then down to lr_max/div_final; "
            + "momentum the other way")
        .stepping(Stepping.STEP)
        .arg(totalSteps("steps of the fit: n_epoch * batches"))
        .arg(number("pct_start", 0.25).range(FRACTION).doc("fraction of the steps spent rising"))
        .arg(number("div", 25.0).range(POSITIVE).doc("first lr = lr_max / div"))
        .arg(number("div_final", 1e5).range(POSITIVE).doc("last lr = lr_max / div_final"))
        .arg(moms())
        .closedForm((v, c) -> FastaiCurves.fitOneCycle(v.integer("total_steps"), v.number("pct_start"), v.number("div"),
            v.number("div_final")))
        .build();
  }

  private static Descriptor fineTune() {
    return Descriptor.scheduler("fastai.fine_tune").javaName("FastaiFineTuneLR")
        .origin("fastai.callback.schedule.fine_tune")
        .summary("fastai's fine_tune: a 1cycle over the frozen epochs at slice(base_lr), then a 1cycle at "
            + "slice(base_lr/2/lr_mult, base_lr/2) over the layer groups; each group's lr is its base_lr; the optimizer state "
            + "is cleared when the second fit begins")
        .stepping(Stepping.STEP)
        .arg(integer("epochs", null).required().range(Range.atLeast(1)).doc("epochs after unfreezing (fine_tune's epochs)"))
        .arg(integer("freeze_epochs", 1).range(Range.atLeast(0)).doc("epochs with every layer group but the last frozen (0: none)"))
        .arg(number("lr_mult", 100.0).range(POSITIVE).doc("ratio between the top and the bottom layer group's lr after unfreezing"))
        .arg(number("pct_start", 0.3).range(FRACTION).doc("fraction of the unfrozen steps spent rising"))
        .arg(number("div", 5.0).range(POSITIVE).doc("first lr of the unfrozen cycle = lr_max / div"))
        .arg(number("div_final", 1e5).range(POSITIVE).doc("last lr of each cycle = lr_max / div_final"))
        .arg(moms())
        .arg(totalSteps("steps of the whole fine_tune: (freeze_epochs + epochs) * batches"))
        .constraint(Constraint.of(FastaiDescriptors::wholeEpochs, "total_steps", "epochs", "freeze_epochs"))
        .closedForm((v, c) -> FastaiCurves.fineTune(v.integer("total_steps"), v.integer("epochs"), v.integer("freeze_epochs"),
            v.number("lr_mult"), v.number("pct_start"), v.number("div"), v.number("div_final")))
        .build();
  }

  /** fine_tune's two fits are whole epochs of one batch count. */
  private static String wholeEpochs(Values v) {
    return FastaiCurves.fineTuneProblem(v.integer("total_steps"), v.integer("epochs"), v.integer("freeze_epochs"));
  }

  private static Descriptor slantedTriangular() {
    return Descriptor.scheduler("SlantedTriangularLR").origin("ULMFiT (Howard & Ruder 2018, eq. 3); fastai v0.7 CircularLR")
        .summary("ULMFiT's slanted triangle: lr/ratio rising linearly to lr over cut_frac of a cycle, then falling back; "
            + "restarts every cycle")
        .stepping(Stepping.STEP)
        .arg(totalSteps("steps of all cycles"))
        .arg(number("cut_frac", 0.1).range(Range.open(0, 1)).doc("fraction of a cycle spent rising"))
        .arg(number("ratio", 32.0).range(Range.atLeast(1)).doc("how much smaller the lowest lr is than the peak"))
        .arg(integer("cycles", 1).range(Range.atLeast(1)).doc("equal cycles the steps are cut into (one per gradual-unfreezing stage)"))
        .constraint(Constraint.of(v -> FastaiCurves.slantedTriangularProblem(v.integer("total_steps"), v.integer("cycles"),
            v.number("cut_frac")), "total_steps", "cycles", "cut_frac"))
        .arg(flag("reset_state", false).doc("clear the optimizer state as each cycle after the first begins (ULMFiT: one new optimizer per stage's fit)"))
        .closedForm((v, c) -> FastaiCurves.slantedTriangularCurve(v.integer("total_steps"), v.integer("cycles"),
            v.number("cut_frac"), v.number("ratio")))
        .build();
  }
}
