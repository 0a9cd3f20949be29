package dev.anneal.schedule;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.recipe.TimmCosineLR;
import dev.anneal.schedule.recipe.TransformersSchedules;
import dev.anneal.schedule.warmup.Warmup;
import dev.anneal.spec.Spec;
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
 * transformers' recipes and {@code timm.CosineLRScheduler}. Children are built first, in order,
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
  public static LrScheduler create(Spec spec, Optimizer optimizer) {
    return wrap(build(spec, GroupSource.live(optimizer)));
  }

  /** A schedule for exactly these groups of the optimizer (a per-group schedule). */
  public static LrScheduler create(Spec spec, Optimizer optimizer, List<ParamGroup> groups) {
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
  public static AbstractLrScheduler build(Spec spec, GroupSource groups) {
    String type = spec.type();
    Warmup.Shape warmup = Warmup.Shape.ofType(type);
    if (warmup != null) {
      Kwargs k = Kwargs.of(spec, "warmup_steps", "warmup_factor");
      if (spec.children().size() > 1) {
        throw new IllegalArgumentException(type + " takes at most one following schedule, got " + spec.children().size()
            + "; compose them with SequentialLR or ChainedScheduler");
      }
      AbstractLrScheduler next = spec.children().isEmpty() ? null : build(spec.children().get(0), groups);
      return new Warmup(groups, warmup, k.requireInt("warmup_steps"), k.getDouble("warmup_factor", Warmup.DEFAULT_FACTOR), next);
    }
    if (TransformersSchedules.handles(type)) {
      return TransformersSchedules.create(spec, groups);
    }
    if (!spec.children().isEmpty() && !type.equals(SequentialLR.TYPE) && !type.equals(ChainedScheduler.TYPE)) {
      throw new IllegalArgumentException(type + " takes no child schedules; only SequentialLR, ChainedScheduler and warmups do");
    }
    return switch (type) {
      case StepLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "step_size", "gamma", "last_epoch");
        yield new StepLR(groups, k.requireInt("step_size"), k.getDouble("gamma", 0.1));
      }
      case MultiStepLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "milestones", "gamma", "last_epoch");
        yield new MultiStepLR(groups, k.requireInts("milestones"), k.getDouble("gamma", 0.1));
      }
      case ConstantLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "factor", "total_iters", "last_epoch");
        yield new ConstantLR(groups, k.getDouble("factor", 1.0 / 3), k.getInt("total_iters", 5));
      }
      case LinearLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "start_factor", "end_factor", "total_iters", "last_epoch");
        yield new LinearLR(groups, k.getDouble("start_factor", 1.0 / 3), k.getDouble("end_factor", 1.0), k.getInt("total_iters", 5));
      }
      case ExponentialLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "gamma", "last_epoch");
        yield new ExponentialLR(groups, k.requireDouble("gamma"));
      }
      case PolynomialLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "total_iters", "power", "last_epoch");
        yield new PolynomialLR(groups, k.getInt("total_iters", 5), k.getDouble("power", 1.0));
      }
      case CosineAnnealingLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "T_max", "eta_min", "last_epoch");
        yield new CosineAnnealingLR(groups, k.requireDouble("T_max"), k.getDouble("eta_min", 0));
      }
      case CosineAnnealingWarmRestarts.TYPE -> {
        Kwargs k = Kwargs.of(spec, "T_0", "T_mult", "eta_min", "last_epoch");
        yield new CosineAnnealingWarmRestarts(groups, k.requireInt("T_0"), k.getInt("T_mult", 1), k.getDouble("eta_min", 0));
      }
      case CyclicLR.TYPE -> cyclic(spec, groups);
      case OneCycleLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy",
            "cycle_momentum", "base_momentum", "max_momentum", "div_factor", "final_div_factor", "three_phase", "last_epoch");
        int total = OneCycleLR.totalSteps(k.has("total_steps") ? k.requireInt("total_steps") : null,
            k.has("epochs") ? k.requireInt("epochs") : null, k.has("steps_per_epoch") ? k.requireInt("steps_per_epoch") : null);
        yield new OneCycleLR(groups, k.perGroup("max_lr", null), total, k.getDouble("pct_start", 0.3), k.getString("anneal_strategy", "cos"),
            k.getBoolean("cycle_momentum", true), k.perGroup("base_momentum", 0.85), k.perGroup("max_momentum", 0.95),
            k.getDouble("div_factor", 25.0), k.getDouble("final_div_factor", 1e4), k.getBoolean("three_phase", false));
      }
      case ReduceLROnPlateau.TYPE -> {
        Kwargs k = Kwargs.of(spec, "mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps");
        yield new ReduceLROnPlateau(groups, k.getString("mode", "min"), k.getDouble("factor", 0.1), k.getInt("patience", 10),
            k.getDouble("threshold", 1e-4), k.getString("threshold_mode", "rel"), k.getInt("cooldown", 0), k.perGroup("min_lr", 0.0),
            k.getDouble("eps", 1e-8));
      }
      case SequentialLR.TYPE -> {
        Kwargs k = Kwargs.of(spec, "milestones", "last_epoch");
        yield new SequentialLR(groups, children(spec, groups), k.requireInts("milestones"));
      }
      case ChainedScheduler.TYPE -> {
        Kwargs.of(spec, "optimizer");
        yield new ChainedScheduler(groups, children(spec, groups));
      }
      case TimmCosineLR.TYPE -> new TimmCosineLR(groups, spec);
      case LambdaLR.TYPE, MultiplicativeLR.TYPE -> functional(spec, groups);
      default -> throw new IllegalArgumentException("unknown scheduler " + type + "; known: StepLR, MultiStepLR, ConstantLR, LinearLR, "
          + "ExponentialLR, PolynomialLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR, ReduceLROnPlateau, "
          + "SequentialLR, ChainedScheduler, LinearWarmup, ConstantWarmup, CosineWarmup, ExponentialWarmup, LinearWithWarmupLR, "
          + "CosineWithWarmupLR, CosineWithHardRestartsWithWarmupLR, PolynomialWithWarmupLR, ConstantWithWarmupLR, InverseSqrtLR, "
          + "WarmupStableDecayLR, timm.CosineLRScheduler");
    };
  }

  private static List<AbstractLrScheduler> children(Spec spec, GroupSource groups) {
    if (spec.children().isEmpty()) {
      throw new IllegalArgumentException(spec.type() + " needs its child schedules under \"schedulers\"");
    }
    List<AbstractLrScheduler> children = new ArrayList<>();
    for (Spec child : spec.children()) {
      children.add(build(child, groups));
    }
    return children;
  }

  /**
   * LambdaLR / MultiplicativeLR from a spec whose {@code lr_lambda} holds Java functions
   * ({@link IntToDoubleFunction}, or a list of them, one per group); JSON cannot hold functions.
   */
  private static AbstractLrScheduler functional(Spec spec, GroupSource groups) {
    Kwargs.of(spec, "lr_lambda", "last_epoch");
    Object value = spec.get("lr_lambda");
    boolean multiplicative = spec.type().equals(MultiplicativeLR.TYPE);
    if (value instanceof IntToDoubleFunction fn) {
      return multiplicative ? new MultiplicativeLR(groups, fn) : new LambdaLR(groups, fn);
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(IntToDoubleFunction.class::isInstance)) {
      List<IntToDoubleFunction> fns = list.stream().map(IntToDoubleFunction.class::cast).toList();
      return multiplicative ? new MultiplicativeLR(groups, fns) : new LambdaLR(groups, fns);
    }
    throw new IllegalArgumentException(spec.type() + " takes Java functions (lr_lambda as an IntToDoubleFunction or a list of them), "
        + "which JSON cannot hold: use Schedulers.lambda(...) / Schedulers.multiplicative(...), or put the functions in the Spec; got " + value);
  }

  private static CyclicLR cyclic(Spec spec, GroupSource groups) {
    Kwargs k = Kwargs.of(spec, "base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_fn", "scale_mode",
        "cycle_momentum", "base_momentum", "max_momentum", "last_epoch");
    Object fn = spec.get("scale_fn");
    if (fn != null && !(fn instanceof DoubleUnaryOperator)) {
      throw new IllegalArgumentException("CyclicLR scale_fn must be a java.util.function.DoubleUnaryOperator, was " + fn);
    }
    String scaleMode = k.getString("scale_mode", "cycle");
    if (!scaleMode.equals("cycle") && !scaleMode.equals("iterations")) {
      throw new IllegalArgumentException("CyclicLR scale_mode must be cycle or iterations, was " + scaleMode);
    }
    return new CyclicLR(groups, k.perGroup("base_lr", null), k.perGroup("max_lr", null), k.getDouble("step_size_up", 2000),
        k.has("step_size_down") ? k.getDouble("step_size_down", 0) : null, k.getString("mode", "triangular"), k.getDouble("gamma", 1.0),
        (DoubleUnaryOperator) fn, scaleMode.equals("cycle") ? CyclicLR.ScaleMode.CYCLE : CyclicLR.ScaleMode.ITERATIONS,
        k.getBoolean("cycle_momentum", true), k.perGroup("base_momentum", 0.8), k.perGroup("max_momentum", 0.9));
  }
}
