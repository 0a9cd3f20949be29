package dev.anneal.vocabulary.builtin;

import static dev.anneal.vocabulary.Argument.choice;
import static dev.anneal.vocabulary.Argument.flag;
import static dev.anneal.vocabulary.Argument.function;
import static dev.anneal.vocabulary.Argument.integer;
import static dev.anneal.vocabulary.Argument.ints;
import static dev.anneal.vocabulary.Argument.number;
import static dev.anneal.vocabulary.Argument.perGroup;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Children;
import dev.anneal.vocabulary.Constraint;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Range;
import dev.anneal.vocabulary.Role;
import dev.anneal.vocabulary.Stepping;
import dev.anneal.vocabulary.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedulers of {@code torch.optim.lr_scheduler} (PyTorch 2.9), Anneal's warmups (detectron2's
 * shapes), Hugging Face transformers' recipes and {@code timm.CosineLRScheduler}, with their closed forms.
 */
final class SchedulerDescriptors {
  private SchedulerDescriptors() {}

  private static final Range NON_NEGATIVE = Range.atLeast(0);
  private static final Range POSITIVE = Range.above(0);

  /**
   * {@code last_epoch}: -1 starts the schedule; {@code k >= 0} resumes it as PyTorch does, on groups
   * that carry {@code initial_lr} (PyTorch's KeyError otherwise), construction taking the step to
   * {@code k + 1}.
   */
  static Argument lastEpoch() {
    return Argument.lastEpoch();
  }

  /**
   * {@code last_epoch} of the schedulers whose construction at {@code k >= 0} Anneal does not
   * replay: CyclicLR (2.x takes its momentum bounds from the arguments, 1.13 from the groups, so
   * the fixtures cannot be recorded here) and SequentialLR (2.x is still changing how it resumes,
   * pytorch#171515). Only -1; resume those with {@code loadStateDict}.
   */
  static Argument startOnlyLastEpoch() {
    return integer("last_epoch", -1).range(Range.closed(-1, -1)).role(Role.BOOKKEEPING)
        .doc("only -1: resume with loadStateDict instead");
  }

  /** PyTorch 2.x's deprecated {@code verbose}: accepted and ignored. */
  static Argument verbose() {
    return flag("verbose", false).allowNone().role(Role.BOOKKEEPING).doc("deprecated in PyTorch; ignored");
  }

  private static Descriptor.Builder torch(String name, String summary) {
    return Descriptor.scheduler(name).origin("torch.optim.lr_scheduler." + name).summary(summary);
  }

  private static Descriptor.Builder tail(Descriptor.Builder b) {
    return b.arg(lastEpoch()).arg(verbose());
  }

  private static Descriptor.Builder startOnlyTail(Descriptor.Builder b) {
    return b.arg(startOnlyLastEpoch()).arg(verbose());
  }

  static List<Descriptor> all() {
    List<Descriptor> all = new ArrayList<>();
    all.add(tail(torch("StepLR", "lr times gamma every step_size positions").positional("step_size", "gamma", "last_epoch")
        .arg(integer("step_size", null).required().range(Range.atLeast(1)).doc("positions between decays"))
        .arg(number("gamma", 0.1).range(NON_NEGATIVE).doc("multiplicative factor"))
        .closedForm((v, c) -> Curves.step(v))).build());
    all.add(tail(torch("MultiStepLR", "lr times gamma at each milestone").positional("milestones", "gamma", "last_epoch")
        .arg(ints("milestones").range(NON_NEGATIVE).doc("positions of the decays"))
        .arg(number("gamma", 0.1).range(NON_NEGATIVE).doc("multiplicative factor"))
        .closedForm((v, c) -> Curves.multiStep(v))).build());
    all.add(tail(torch("ConstantLR", "lr times factor until total_iters").positional("factor", "total_iters", "last_epoch")
        .arg(number("factor", 1.0 / 3).range(Range.closed(0, 1)).doc("factor before total_iters"))
        .arg(integer("total_iters", 5).range(NON_NEGATIVE).doc("positions with the factor"))
        .closedForm((v, c) -> Curves.constant(v))).build());
    all.add(tail(torch("LinearLR", "factor moving linearly from start_factor to end_factor over total_iters")
        .positional("start_factor", "end_factor", "total_iters", "last_epoch")
        .arg(number("start_factor", 1.0 / 3).range(Range.openClosed(0, 1)).doc("factor at position 0"))
        .arg(number("end_factor", 1.0).range(Range.closed(0, 1)).doc("factor from total_iters on"))
        .arg(integer("total_iters", 5).range(NON_NEGATIVE).doc("positions of the ramp"))
        .closedForm((v, c) -> Curves.linear(v))).build());
    all.add(tail(torch("ExponentialLR", "lr times gamma every position").positional("gamma", "last_epoch")
        .arg(number("gamma", null).required().range(NON_NEGATIVE).doc("multiplicative factor"))
        .closedForm((v, c) -> Curves.exponential(v))).build());
    all.add(tail(torch("PolynomialLR", "polynomial decay to 0 over total_iters").positional("total_iters", "power", "last_epoch")
        .arg(integer("total_iters", 5).range(Range.atLeast(1)).doc("positions of the decay"))
        .arg(number("power", 1.0).doc("power of the polynomial"))
        .closedForm((v, c) -> Curves.polynomial(v))).build());
    all.add(tail(torch("CosineAnnealingLR", "half a cosine from the base lr to eta_min over T_max")
        .positional("T_max", "eta_min", "last_epoch")
        .arg(integer("T_max", null).derivedFromLength().range(Range.atLeast(1)).doc("positions of the half cosine"))
        .arg(number("eta_min", 0.0).doc("minimum lr"))
        .closedForm((v, c) -> Curves.cosine(v))).build());
    all.add(tail(torch("CosineAnnealingWarmRestarts", "cosine annealing restarting after T_0, T_0*T_mult, ...")
        .positional("T_0", "T_mult", "eta_min", "last_epoch")
        .arg(integer("T_0", null).required().range(Range.atLeast(1)).doc("positions of the first cycle"))
        .arg(integer("T_mult", 1).range(Range.atLeast(1)).doc("growth of each cycle"))
        .arg(number("eta_min", 0.0).doc("minimum lr"))
        .closedForm((v, c) -> Curves.warmRestarts(v))).build());
    all.add(startOnlyTail(torch("CyclicLR", "lr cycling between base_lr and max_lr (momentum inversely)").stepping(Stepping.STEP)
        .arg(perGroup("base_lr", null).required().doc("lower bound of the cycle, per group"))
        .arg(perGroup("max_lr", null).required().doc("upper bound of the cycle, per group"))
        .arg(number("step_size_up", 2000.0).range(POSITIVE).doc("positions of the rising half"))
        .arg(number("step_size_down", null).range(POSITIVE).doc("positions of the falling half (None: step_size_up)"))
        .arg(choice("mode", "triangular", "triangular2", "exp_range").doc("amplitude policy"))
        .arg(number("gamma", 1.0).range(NON_NEGATIVE).doc("exp_range's factor per position"))
        .arg(function("scale_fn").doc("custom amplitude policy (a Java DoubleUnaryOperator)"))
        .arg(choice("scale_mode", "cycle", "iterations").doc("what scale_fn reads"))
        .arg(flag("cycle_momentum", true).doc("cycle momentum (or beta1) inversely"))
        .arg(perGroup("base_momentum", 0.8).doc("lower momentum bound, per group"))
        .arg(perGroup("max_momentum", 0.9).doc("upper momentum bound, per group"))
        .closedForm((v, c) -> Curves.cyclic(v))).build());
    all.add(tail(torch("OneCycleLR", "the 1cycle policy: warm up to max_lr, anneal far below").stepping(Stepping.STEP)
        .arg(perGroup("max_lr", null).required().range(POSITIVE).doc("peak lr, per group"))
        .arg(integer("total_steps", null).optionalFromLength().range(Range.atLeast(1))
            .doc("steps of the cycle (None: epochs * steps_per_epoch)"))
        .arg(integer("epochs", null).range(Range.atLeast(1)).doc("with steps_per_epoch, instead of total_steps"))
        .arg(integer("steps_per_epoch", null).range(Range.atLeast(1)).doc("with epochs, instead of total_steps"))
        .arg(number("pct_start", 0.3).range(Range.closed(0, 1)).doc("fraction of the cycle spent rising"))
        .arg(choice("anneal_strategy", "cos", "linear").doc("annealing shape"))
        .arg(flag("cycle_momentum", true).doc("cycle momentum (or beta1) inversely"))
        .arg(perGroup("base_momentum", 0.85).doc("lower momentum bound, per group"))
        .arg(perGroup("max_momentum", 0.95).doc("upper momentum bound, per group"))
        .arg(number("div_factor", 25.0).range(POSITIVE).doc("initial lr = max_lr / div_factor"))
        .arg(number("final_div_factor", 1e4).range(POSITIVE).doc("minimum lr = initial lr / final_div_factor"))
        .arg(flag("three_phase", false).doc("a third phase annihilating the lr"))
        .constraint(Constraint.of(OneCycle::lengthProblem, "total_steps", "epochs", "steps_per_epoch"))
        .closedForm((v, c) -> Curves.oneCycle(v))).build());
    all.add(torch("ReduceLROnPlateau", "lr times factor when the monitored metric stops improving").stepping(Stepping.METRIC)
        .positional("mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps")
        .arg(choice("mode", "min", "max").doc("whether the metric should fall or rise"))
        .arg(number("factor", 0.1).range(Range.closedOpen(0, 1)).doc("multiplicative factor of a reduction"))
        .arg(integer("patience", 10).range(NON_NEGATIVE).doc("epochs without improvement before reducing"))
        .arg(number("threshold", 1e-4).doc("what counts as an improvement"))
        .arg(choice("threshold_mode", "rel", "abs").doc("relative or absolute threshold"))
        .arg(integer("cooldown", 0).range(NON_NEGATIVE).doc("epochs to wait after a reduction"))
        .arg(perGroup("min_lr", 0.0).range(NON_NEGATIVE).doc("lower bound, per group"))
        .arg(number("eps", 1e-8).range(NON_NEGATIVE).doc("smaller reductions are skipped"))
        .arg(verbose()).build());
    all.add(startOnlyTail(torch("SequentialLR", "children one after another, switching at the milestones")
        .arg(ints("milestones").range(NON_NEGATIVE).ascending().doc("positions where the next child starts"))
        .children(Children.AT_LEAST_ONE)
        .childrenRule((v, children) -> v.ints("milestones").length == children - 1 ? null : new Descriptor.ChildrenRule.Verdict(
            "milestones", "expects one milestone fewer than schedulers, got " + children + " schedulers and "
                + v.ints("milestones").length + " milestones"))
        .closedForm(Curves::sequential)).build());
    all.add(torch("ChainedScheduler", "children stepped together, their factors multiplied")
        .children(Children.AT_LEAST_ONE).closedForm((v, c) -> Curves.chained(c)).build());
    all.add(tail(torch("LambdaLR", "base lr times lr_lambda(position)")
        .arg(function("lr_lambda").required().doc("a Java IntToDoubleFunction or a list of them, one per group: Schedulers.lambda(...)"))
        .closedForm((v, c) -> Curves.lambda(v))).build());
    all.add(tail(torch("MultiplicativeLR", "lr times lr_lambda(position) every position")
        .arg(function("lr_lambda").required().doc("a Java IntToDoubleFunction or a list of them, one per group: Schedulers.multiplicative(...)"))).build());
    for (String warmup : List.of("LinearWarmup", "ConstantWarmup", "CosineWarmup", "ExponentialWarmup")) {
      boolean exponential = warmup.equals("ExponentialWarmup");
      Descriptor.Builder builder = Descriptor.scheduler(warmup).origin("anneal (detectron2's warmup shapes)")
          .summary("a " + warmup.replace("Warmup", "").toLowerCase(java.util.Locale.ROOT)
              + " warmup over warmup_steps, then its child schedule (if any)")
          .arg(integer("warmup_steps", null).required().range(NON_NEGATIVE).doc("positions of the warmup"))
          .arg(number("warmup_factor", 0.001).range(exponential ? Range.openClosed(0, 1) : Range.closed(0, 1))
              .doc("factor at position 0"));
      if (warmup.equals("LinearWarmup")) {
        stepWarmupOnly(builder);
      }
      all.add(builder.children(Children.AT_MOST_ONE)
          .closedForm((v, c) -> Curves.warmup(warmup, v, c)).build());
    }
    all.addAll(recipes());
    all.add(timmCosine());
    all.add(warmupRestarts());
    all.add(fairseqInverseSqrt());
    return all;
  }

  private static Descriptor.Builder hf(String name, String function, String summary) {
    return Descriptor.scheduler(name).origin("transformers." + function).summary(summary).stepping(Stepping.STEP)
        .arg(integer("num_warmup_steps", null).required().range(NON_NEGATIVE).doc("steps of the linear warmup"));
  }

  /**
   * A transformers recipe with a training length, whose warmup is {@code num_warmup_steps} or, as the
   * Hugging Face Trainer's {@code warmup_ratio}, {@code ceil(warmup_ratio * num_training_steps)}.
   */
  private static Descriptor.Builder hfWithRatio(String name, String function, String summary) {
    return Descriptor.scheduler(name).origin("transformers." + function).summary(summary).stepping(Stepping.STEP)
        .arg(integer("num_warmup_steps", null).range(NON_NEGATIVE).doc("steps of the linear warmup (or give warmup_ratio)"))
        .arg(number("warmup_ratio", null).range(Range.closedOpen(0, 1))
            .doc("the Trainer's warmup_ratio: num_warmup_steps = ceil(warmup_ratio * num_training_steps)"))
        .constraint(Constraint.of(TransformersCurves::warmupStepsOrRatio, "warmup_ratio", "num_warmup_steps"));
  }

  private static Argument trainingSteps() {
    return integer("num_training_steps", null).derivedFromLength().range(Range.atLeast(1)).doc("steps of the whole schedule");
  }

  private static List<Descriptor> recipes() {
    List<Descriptor> all = new ArrayList<>();
    all.add(tail(hf("ConstantWithWarmupLR", "get_constant_schedule_with_warmup", "linear warmup, then constant")
        .closedForm((v, c) -> LrCurve.proportional(TransformersCurves.constantWithWarmup(v.integer("num_warmup_steps"))))).build());
    all.add(tail(hfWithRatio("LinearWithWarmupLR", "get_linear_schedule_with_warmup", "linear warmup, then linear decay to 0")
        .arg(trainingSteps())
        .closedForm((v, c) -> LrCurve.proportional(
            TransformersCurves.linearWithWarmup(TransformersCurves.numWarmupSteps(v), v.integer("num_training_steps"))))).build());
    all.add(tail(hfWithRatio("CosineWithWarmupLR", "get_cosine_schedule_with_warmup", "linear warmup, then cosine decay")
        .arg(trainingSteps()).arg(number("num_cycles", 0.5).doc("cosine waves (0.5: down to 0 once)"))
        .closedForm((v, c) -> LrCurve.proportional(TransformersCurves.cosineWithWarmup(TransformersCurves.numWarmupSteps(v),
            v.integer("num_training_steps"), v.number("num_cycles"))))).build());
    all.add(tail(hfWithRatio("CosineWithHardRestartsWithWarmupLR", "get_cosine_with_hard_restarts_schedule_with_warmup",
        "linear warmup, then cosine decays with hard restarts")
        .arg(trainingSteps()).arg(integer("num_cycles", 1).range(Range.atLeast(1)).doc("hard restarts"))
        .closedForm((v, c) -> LrCurve.proportional(TransformersCurves.cosineWithHardRestartsWithWarmup(
            TransformersCurves.numWarmupSteps(v), v.integer("num_training_steps"), v.integer("num_cycles"))))).build());
    all.add(tail(hfWithRatio("PolynomialWithWarmupLR", "get_polynomial_decay_schedule_with_warmup",
        "linear warmup, then polynomial decay to lr_end")
        .arg(trainingSteps()).arg(number("lr_end", 1e-7).range(NON_NEGATIVE).doc("final lr, below every group's lr"))
        .arg(number("power", 1.0).doc("power of the polynomial"))
        .closedForm((v, c) -> (g, base, t) -> base * TransformersCurves.polynomialWithWarmup(t, TransformersCurves.numWarmupSteps(v),
            v.integer("num_training_steps"), base, v.number("lr_end"), v.number("power")))).build());
    all.add(tail(hf("InverseSqrtLR", "get_inverse_sqrt_schedule", "linear warmup, then 1/sqrt decay")
        .arg(integer("timescale", null).range(Range.atLeast(1)).doc("decay timescale (None: num_warmup_steps, or 10000)"))
        .closedForm((v, c) -> LrCurve.proportional(TransformersCurves.inverseSqrt(v.integer("num_warmup_steps"),
            TransformersCurves.timescale((Integer) v.get("timescale"), v.integer("num_warmup_steps")))))).build());
    all.add(tail(hf("WarmupStableDecayLR", "get_wsd_schedule", "warmup, stable, then decay (WSD)")
        .arg(integer("num_decay_steps", null).required().range(NON_NEGATIVE).doc("steps of the decay"))
        .arg(integer("num_training_steps", null).optionalFromLength().range(Range.atLeast(1)).doc("total steps (or give num_stable_steps)"))
        .arg(integer("num_stable_steps", null).range(NON_NEGATIVE).doc("steps at the full lr (None: what the total leaves)"))
        .arg(choice("warmup_type", "linear", "cosine", "1-sqrt").doc("warmup shape"))
        .arg(choice("decay_type", "cosine", "linear", "1-sqrt").doc("decay shape"))
        .arg(number("min_lr_ratio", 0.0).range(Range.closed(0, 1)).doc("final factor"))
        .arg(number("num_cycles", 0.5).doc("cosine waves of the decay"))
        .constraint(Constraint.of(SchedulerDescriptors::wsdLength, "num_training_steps", "num_stable_steps"))
        .closedForm((v, c) -> {
          int warmup = v.integer("num_warmup_steps");
          int decay = v.integer("num_decay_steps");
          int stable = TransformersCurves.stableSteps((Integer) v.get("num_stable_steps"), (Integer) v.get("num_training_steps"),
              warmup, decay);
          return LrCurve.proportional(TransformersCurves.warmupStableDecay(warmup, stable, decay, v.string("warmup_type"),
              v.string("decay_type"), v.number("min_lr_ratio"), v.number("num_cycles")));
        })).build());
    all.add(tail(Descriptor.scheduler("SWALR").origin("torch.optim.swa_utils.SWALR")
        .summary("anneals each group's lr to swa_lr over anneal_epochs (cos or linear), then holds it")
        .arg(perGroup("swa_lr", null).required().range(NON_NEGATIVE).doc("the lr to anneal to, once or per group"))
        .arg(integer("anneal_epochs", 10).range(NON_NEGATIVE).doc("positions of the annealing"))
        .arg(choice("anneal_strategy", "cos", "linear").doc("shape of the annealing"))).build());
    return all;
  }

  private static String wsdLength(Values v) {
    return v.has("num_training_steps") || v.has("num_stable_steps") ? null : "needs num_training_steps or num_stable_steps";
  }

  private static Descriptor timmCosine() {
    return Descriptor.scheduler("timm.CosineLRScheduler").javaName("TimmCosineLR").origin("timm.scheduler.CosineLRScheduler")
        .summary("timm's cosine with warmup, cycles, decay per cycle and noise")
        .arg(integer("t_initial", null).derivedFromLength().range(Range.atLeast(1)).doc("positions of the first cycle"))
        .arg(number("lr_min", 0.0).doc("minimum lr"))
        .arg(number("cycle_mul", 1.0).range(POSITIVE).doc("growth of each cycle"))
        .arg(number("cycle_decay", 1.0).doc("peak factor per cycle"))
        .arg(integer("cycle_limit", 1).range(Range.atLeast(1)).doc("cycles before staying at lr_min"))
        .arg(integer("warmup_t", 0).range(NON_NEGATIVE).doc("positions of the linear warmup"))
        .arg(number("warmup_lr_init", 0.0).doc("lr at position 0 of the warmup"))
        .arg(flag("warmup_prefix", false).doc("the cosine starts after the warmup"))
        .arg(flag("t_in_epochs", true).role(Role.BOOKKEEPING).doc("timm's unit switch; the plan's interval decides here"))
        .arg(perGroup("noise_range_t", null).doc("start, or [start, end], of the noise"))
        .arg(number("noise_pct", 0.67).range(NON_NEGATIVE).doc("noise limit"))
        .arg(number("noise_std", 1.0).range(NON_NEGATIVE).doc("noise standard deviation"))
        .arg(integer("noise_seed", 42).doc("noise seed"))
        .arg(number("k_decay", 1.0).range(POSITIVE).doc("shape of the cosine"))
        .arg(flag("initialize", true).role(Role.BOOKKEEPING).doc("timm's initialization switch; always initialized here"))
        .closedForm((v, c) -> Curves.timmCosine(v)).build();
  }

  /** katsura-jp's scheduler ({@link WarmupRestarts}); per-group {@code max_lr} / {@code min_lr} lists are Anneal's. */
  private static Descriptor warmupRestarts() {
    return Descriptor.scheduler("CosineAnnealingWarmupRestarts")
        .origin("cosine_annealing_warmup.CosineAnnealingWarmupRestarts (katsura-jp)")
        .summary("cycles of a linear warmup from min_lr to a peak, then a cosine back; each peak gamma times the last")
        .stepping(Stepping.STEP)
        .arg(integer("first_cycle_steps", null).required().range(Range.atLeast(1)).doc("positions of the first cycle, warmup included"))
        .arg(number("cycle_mult", 1.0).range(POSITIVE).doc("growth of each cycle after its warmup"))
        .arg(perGroup("max_lr", 0.1).range(NON_NEGATIVE).doc("first peak, once or per group"))
        .arg(perGroup("min_lr", 0.001).range(NON_NEGATIVE).doc("lr at each cycle's start, once or per group"))
        .arg(integer("warmup_steps", 0).range(NON_NEGATIVE).doc("positions of each cycle's linear warmup"))
        .arg(number("gamma", 1.0).range(NON_NEGATIVE).doc("peak factor per cycle"))
        .arg(lastEpoch())
        .constraint(Constraint.of(WarmupRestarts::warmupShorterThanCycle, "warmup_steps", "first_cycle_steps"))
        .constraint(Constraint.of(WarmupRestarts::cyclesKeepSteps, "cycle_mult", "warmup_steps"))
        .closedForm((v, c) -> WarmupRestarts.curve(v)).build();
  }

  /** fairseq's {@code inverse_sqrt} ({@link FairseqCurves}), with its {@code --warmup-updates} and {@code --warmup-init-lr}. */
  private static Descriptor fairseqInverseSqrt() {
    return Descriptor.scheduler(FairseqCurves.INVERSE_SQRT).javaName("FairseqInverseSqrtLR")
        .origin("fairseq.optim.lr_scheduler.InverseSquareRootSchedule")
        .summary("linear warmup from warmup_init_lr to the lr, then lr * sqrt(warmup_updates / num_updates)")
        .stepping(Stepping.STEP)
        .arg(integer("warmup_updates", 4000).range(Range.atLeast(1))
            .doc("updates of the linear warmup (fairseq divides by it: 0 is ZeroDivisionError)"))
        .arg(number("warmup_init_lr", -1.0).doc("lr at update 0; negative (the default -1): 0"))
        .closedForm((v, c) -> FairseqCurves.curve(v)).build();
  }

  /**
   * The step warmup's own arguments (Ultralytics' warmup, YOLOv5's train.py), accepted only where
   * LinearWarmup multiplies a schedule stepped per epoch, at every optimizer step (the plan's
   * {@code stepWarmup}): an absolute start lr, a momentum warmup, and the one-epoch hold after it.
   */
  private static void stepWarmupOnly(Descriptor.Builder builder) {
    builder.arg(number("warmup_start_lr", null).range(NON_NEGATIVE)
            .doc("step warmup only: the lr at position 0, absolute, in place of warmup_factor times the scheduled lr; "
                + "the lr moves in a straight line from it to the scheduled lr, down if it is larger (YOLOv5's warmup_bias_lr)"))
        .arg(number("warmup_momentum", null).range(Range.closedOpen(0, 1))
            .doc("step warmup only: the momentum (beta1 of the Adam family) at position 0, moving in a straight line to the "
                + "group's (YOLOv5's warmup_momentum)"))
        .arg(flag("hold_after", false)
            .doc("step warmup only: the schedule stepped per epoch skips its step at the end of the epoch where the warmup "
                + "ends, so it runs one epoch late from then on (Ultralytics resets its LambdaLR's last_epoch after building it)"));
  }
}
