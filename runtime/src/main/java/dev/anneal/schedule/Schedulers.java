package dev.anneal.schedule;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.recipe.CosineAnnealingWarmupRestarts;
import dev.anneal.schedule.recipe.FairseqInverseSqrt;
import dev.anneal.schedule.recipe.FastaiFineTuneLR;
import dev.anneal.schedule.recipe.FastaiOneCycleLR;
import dev.anneal.schedule.recipe.SlantedTriangularLR;
import dev.anneal.schedule.recipe.TimmCosineLR;
import dev.anneal.schedule.recipe.TransformersSchedules;
import dev.anneal.schedule.warmup.StepWarmup;
import dev.anneal.schedule.warmup.Warmup;
import dev.anneal.spec.Registry;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecSource;
import dev.anneal.swa.SWALR;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorException;
import dev.anneal.vocabulary.Problem;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.OneCycle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * Builds schedules from a {@link Spec}: PyTorch's scheduler class names and keyword arguments
 * (StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR,
 * CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR, ReduceLROnPlateau, SequentialLR,
 * ChainedScheduler), warmups (LinearWarmup, ConstantWarmup, CosineWarmup, ExponentialWarmup with
 * {@code warmup_steps}, {@code warmup_factor} and at most one child, the schedule that follows),
 * transformers' recipes, {@code timm.CosineLRScheduler} and katsura-jp's
 * {@code CosineAnnealingWarmupRestarts}. A {@code last_epoch = k} builds the schedule as PyTorch
 * resumes one ({@link GroupSource#resumedAt}). Children are built first, in order,
 * on the same groups, as Python builds them before the composite.
 *
 * <p>{@code LambdaLR} and {@code MultiplicativeLR} take Java functions: {@link #lambda} and
 * {@link #multiplicative}. {@code CyclicLR}'s {@code scale_fn} may be given in a spec as a
 * {@link DoubleUnaryOperator} value.
 */
public final class Schedulers {
  private Schedulers() {}

  /**
   * A schedule for every group of the optimizer, including groups added later, which join at the
   * current position with their own base lr. A {@link MetricScheduler} when the spec contains
   * {@code ReduceLROnPlateau}.
   */
  public static LrScheduler create(SpecSource spec, Optimizer optimizer) {
    return wrap(build(spec, GroupSource.live(optimizer)));
  }

  /** A schedule for exactly these groups of the optimizer (a per-group schedule). */
  public static LrScheduler create(SpecSource spec, Optimizer optimizer, List<ParamGroup> groups) {
    for (ParamGroup group : groups) {
      if (optimizer.paramGroups().stream().noneMatch(g -> g == group)) {
        throw new IllegalArgumentException("group " + group.name() + " is not a group of this " + optimizer.type()
            + "; add it with addParamGroup before scheduling it");
      }
    }
    return wrap(build(spec, GroupSource.fixed(groups)));
  }

  /** {@code LambdaLR(optimizer, lr_lambda)}: base lr times {@code lambda(step)}, one function for all groups. */
  public static LambdaLR lambda(Optimizer optimizer, IntToDoubleFunction lambda) {
    return new LambdaLR(GroupSource.live(optimizer), lambda);
  }

  /** {@code LambdaLR} with one function per group. */
  public static LambdaLR lambda(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
    return new LambdaLR(GroupSource.live(optimizer), lambdas);
  }

  /** {@code MultiplicativeLR(optimizer, lr_lambda)}: lr times {@code lambda(step)} each step. */
  public static MultiplicativeLR multiplicative(Optimizer optimizer, IntToDoubleFunction lambda) {
    return new MultiplicativeLR(GroupSource.live(optimizer), lambda);
  }

  /** {@code MultiplicativeLR} with one function per group. */
  public static MultiplicativeLR multiplicative(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
    return new MultiplicativeLR(GroupSource.live(optimizer), lambdas);
  }

  private static LrScheduler wrap(AbstractLrScheduler schedule) {
    return schedule.needsMetric() ? new MetricDriven(schedule) : schedule;
  }

  /** The schedule tree of a spec on these groups (what {@link #create} wraps). */
  public static AbstractLrScheduler build(SpecSource source, GroupSource groups) {
    Spec spec = source.toSpec();
    String type = spec.type();
    Descriptor descriptor = Registry.require(Category.SCHEDULER, type);
    List<Problem> problems = descriptor.check(spec.kwargs(), spec.children().size());
    if (!problems.isEmpty()) {
      throw new DescriptorException(problems);
    }
    Values k = descriptor.resolve(spec.kwargs());
    List<AbstractLrScheduler> children = new ArrayList<>();
    for (Spec child : spec.children()) {
      children.add(build(child, groups));
    }
    // last_epoch = k: this schedule (not its children) is built as PyTorch resumes one
    groups = k.has("last_epoch") && k.integer("last_epoch") != -1 ? GroupSource.resumedAt(groups, k.integer("last_epoch")) : groups;
    SchedulerProvider provider = Registry.provider(descriptor, SchedulerProvider.class);
    if (provider != null) {
      return provider.create(groups, k, children);
    }
    Warmup.Shape warmup = Warmup.Shape.ofType(type);
    if (warmup != null) {
      StepWarmup.refuseOutsideStepWarmup(type, k);
      return new Warmup(groups, warmup, k.integer("warmup_steps"), k.number("warmup_factor"), children.isEmpty() ? null : children.get(0));
    }
    if (descriptor.origin().startsWith("transformers.")) {
      return TransformersSchedules.create(k, groups);
    }
    return switch (type) {
      case StepLR.TYPE -> new StepLR(groups, k.integer("step_size"), k.number("gamma"));
      case MultiStepLR.TYPE -> new MultiStepLR(groups, k.ints("milestones"), k.number("gamma"));
      case ConstantLR.TYPE -> new ConstantLR(groups, k.number("factor"), k.integer("total_iters"));
      case LinearLR.TYPE -> new LinearLR(groups, k.number("start_factor"), k.number("end_factor"), k.integer("total_iters"));
      case ExponentialLR.TYPE -> new ExponentialLR(groups, k.number("gamma"));
      case PolynomialLR.TYPE -> new PolynomialLR(groups, k.integer("total_iters"), k.number("power"));
      case CosineAnnealingLR.TYPE -> new CosineAnnealingLR(groups, k.integer("T_max"), k.number("eta_min"));
      case CosineAnnealingWarmRestarts.TYPE -> new CosineAnnealingWarmRestarts(groups, k.integer("T_0"), k.integer("T_mult"),
          k.number("eta_min"));
      case CyclicLR.TYPE -> cyclic(k, groups);
      case OneCycleLR.TYPE -> new OneCycleLR(groups, PerGroup.of(k, "max_lr"), OneCycle.totalSteps(k), k.number("pct_start"),
          k.string("anneal_strategy"), k.flag("cycle_momentum"), PerGroup.of(k, "base_momentum"), PerGroup.of(k, "max_momentum"),
          k.number("div_factor"), k.number("final_div_factor"), k.flag("three_phase"));
      case ReduceLROnPlateau.TYPE -> new ReduceLROnPlateau(groups, k.string("mode"), k.number("factor"), k.integer("patience"),
          k.number("threshold"), k.string("threshold_mode"), k.integer("cooldown"), PerGroup.of(k, "min_lr"), k.number("eps"));
      case SequentialLR.TYPE -> new SequentialLR(groups, children, k.ints("milestones"));
      case ChainedScheduler.TYPE -> new ChainedScheduler(groups, children);
      case TimmCosineLR.TYPE -> new TimmCosineLR(groups, k);
      case FastaiOneCycleLR.TYPE -> new FastaiOneCycleLR(groups, k);
      case FastaiFineTuneLR.TYPE -> new FastaiFineTuneLR(groups, k);
      case SlantedTriangularLR.TYPE -> new SlantedTriangularLR(groups, k);
      case CosineAnnealingWarmupRestarts.TYPE -> new CosineAnnealingWarmupRestarts(groups, k);
      case FairseqInverseSqrt.TYPE -> FairseqInverseSqrt.create(groups, k);
      case SWALR.TYPE -> new SWALR(groups, PerGroup.of(k, SWALR.SWA_LR), k.integer("anneal_epochs"), k.string("anneal_strategy"));
      case LambdaLR.TYPE, MultiplicativeLR.TYPE -> functional(k, groups);
      default -> throw new IllegalArgumentException("scheduler " + type + " has a descriptor but no implementation: register a "
          + SchedulerProvider.class.getName() + " for it");
    };
  }

  /**
   * LambdaLR / MultiplicativeLR from a spec whose {@code lr_lambda} holds Java functions
   * ({@link IntToDoubleFunction}, or a list of them, one per group); JSON cannot hold functions.
   */
  private static AbstractLrScheduler functional(Values k, GroupSource groups) {
    Object value = k.get("lr_lambda");
    String type = k.descriptor().name();
    boolean multiplicative = type.equals(MultiplicativeLR.TYPE);
    if (value instanceof IntToDoubleFunction fn) {
      return multiplicative ? new MultiplicativeLR(groups, fn) : new LambdaLR(groups, fn);
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(IntToDoubleFunction.class::isInstance)) {
      List<IntToDoubleFunction> fns = list.stream().map(IntToDoubleFunction.class::cast).toList();
      return multiplicative ? new MultiplicativeLR(groups, fns) : new LambdaLR(groups, fns);
    }
    throw new IllegalArgumentException(type + " takes Java functions (lr_lambda as an IntToDoubleFunction or a list of them), "
        + "which JSON cannot hold: use Schedulers.lambda(...) / Schedulers.multiplicative(...), or put the functions in the Spec; got " + value);
  }

  private static CyclicLR cyclic(Values k, GroupSource groups) {
    Object fn = k.get("scale_fn");
    if (fn != null && !(fn instanceof DoubleUnaryOperator)) {
      throw new IllegalArgumentException("CyclicLR scale_fn must be a java.util.function.DoubleUnaryOperator, was " + fn);
    }
    String scaleMode = k.string("scale_mode");
    return new CyclicLR(groups, PerGroup.of(k, "base_lr"), PerGroup.of(k, "max_lr"), k.number("step_size_up"),
        k.has("step_size_down") ? k.number("step_size_down") : null, k.string("mode"), k.number("gamma"),
        (DoubleUnaryOperator) fn, scaleMode.equals("cycle") ? CyclicLR.ScaleMode.CYCLE : CyclicLR.ScaleMode.ITERATIONS,
        k.flag("cycle_momentum"), PerGroup.of(k, "base_momentum"), PerGroup.of(k, "max_momentum"));
  }
}
