package dev.anneal.plan;

import dev.anneal.grad.Clipping;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.warmup.StepWarmup;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fluent DSL that generated code writes and users may write by hand:
 *
 * <pre>{@code
 * TrainingPlan plan = TrainingPlan.builder()
 *     .epochs(12)
 *     .stepsPerEpoch(stepsPerEpoch)
 *     .optimizer(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.05))
 *     .group("stem", model.stem, g -> g.set("lr", 1e-4).freezeUntilEpoch(3))
 *     .group("head", model.head, g -> g.set("lr", 1e-3).set("weight_decay", 0.0))
 *     .schedule(Spec.of("CosineAnnealingLR").with("T_max", 5500), Interval.STEP)
 *     .clipGradNorm(1.0)
 *     .build();
 * }</pre>
 *
 * Parameter sources are read when {@link #build()} runs.
 */
public final class TrainingPlanBuilder {
  int epochs = -1;
  long stepsPerEpoch = -1;
  Spec optimizer;
  final List<DeclaredGroup> groups = new ArrayList<>();
  final List<PlannedSchedule> schedules = new ArrayList<>();
  String monitor;
  StepWarmup stepWarmup;
  Clipping clipping;
  int accumulate = 1;
  LossScale lossScale = LossScale.ACCUMULATE;
  ParamRule noDecay;
  SchedulerFactory schedulerFactory;
  PlanAverage average;
  final List<PlanListener> listeners = new ArrayList<>();

  /** A group as declared: its name, where its parameters come from, its overrides. */
  record DeclaredGroup(String name, ParameterSource source, GroupConfig config) {}

  TrainingPlanBuilder() {}

  /** How many epochs the training runs. */
  public TrainingPlanBuilder epochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /**
   * Optimizer steps per epoch: {@code ceil(micro-batches / accumulate)} ({@link Accumulation#optimizerSteps},
   * the last window partial); step-interval schedules need it.
   */
  public TrainingPlanBuilder stepsPerEpoch(long stepsPerEpoch) {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("stepsPerEpoch must be at least 1, was " + stepsPerEpoch);
    }
    this.stepsPerEpoch = stepsPerEpoch;
    return this;
  }

  /** The optimizer: PyTorch class name and its keyword arguments, the defaults of every group. */
  public TrainingPlanBuilder optimizer(SpecSource spec) {
    this.optimizer = Objects.requireNonNull(spec, "spec").toSpec();
    return this;
  }

  /** A group with the optimizer's defaults. */
  public TrainingPlanBuilder group(String name, ParameterSource parameters) {
    return group(name, parameters, g -> {});
  }

  /** A group whose settings {@code configure} overrides: {@code g -> g.set("lr", 1e-4).freezeUntilEpoch(3)}. */
  public TrainingPlanBuilder group(String name, ParameterSource parameters, Consumer<GroupConfig> configure) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, () -> "parameters of group " + name);
    for (DeclaredGroup existing : groups) {
      if (existing.name().equals(name)) {
        throw new IllegalArgumentException("the plan already has a group named " + name + "; group names must be unique");
      }
    }
    GroupConfig config = new GroupConfig(name);
    configure.accept(config);
    groups.add(new DeclaredGroup(name, parameters, config));
    return this;
  }

  /**
   * A schedule over every group that has no schedule of its own, stepped per optimizer step or per
   * epoch. Several schedules are stepped in the order declared, as several PyTorch schedulers on
   * one optimizer.
   */
  public TrainingPlanBuilder schedule(SpecSource spec, Interval interval) {
    schedules.add(new PlannedSchedule(Objects.requireNonNull(spec, "spec").toSpec(), null, interval));
    return this;
  }

  /** A schedule of your own (LambdaLR with a Java function, ...) over every group without its own. */
  public TrainingPlanBuilder schedule(CustomSchedule custom, Interval interval) {
    schedules.add(new PlannedSchedule(null, Objects.requireNonNull(custom, "custom"), interval));
    return this;
  }

  /**
   * A warmup counted in optimizer steps whose factor multiplies the lr of every group without a
   * schedule of its own, whatever its schedule's interval: YOLOv3-SPP's warmup inside the first
   * epoch before a cosine stepped per epoch is
   * {@code .stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", 1000).with("warmup_factor", 0.001))}
   * with {@code .schedule(cosine, Interval.EPOCH)} (see {@link StepWarmup}). LinearWarmup's
   * {@code warmup_start_lr}, {@code warmup_momentum} and {@code hold_after} give YOLOv5's warmup: an
   * absolute start lr, a momentum warmup, and the epoch schedule held one epoch after the warmup.
   */
  public TrainingPlanBuilder stepWarmup(SpecSource warmup) {
    this.stepWarmup = StepWarmup.of(warmup.toSpec());
    return this;
  }

  /**
   * No weight decay, in every group, for the parameters {@code rule} takes ({@code <group>.no_decay},
   * as {@link GroupConfig#noDecay}; a group's own {@code noDecay} wins): with
   * {@code ParamRule.biasAndNorm()}, timm's {@code param_groups_weight_decay} over the whole model.
   */
  public TrainingPlanBuilder noDecay(ParamRule rule) {
    this.noDecay = Objects.requireNonNull(rule, "rule");
    return this;
  }

  /**
   * An exponential moving average of the weights kept by the plan, updated after optimizer steps
   * on the cadence {@code ema} (a {@code ModelEma}) gives (torchvision's {@code model_ema}); read it with
   * {@link TrainingPlan#averagedModel()}, checkpointed with the plan.
   */
  public TrainingPlanBuilder ema(PlanAverage ema) {
    return average("ema", ema);
  }

  /**
   * Stochastic weight averaging kept by the plan, updated at epoch ends from {@code swa}'s
   * (a {@code ModelSwa}) epoch on
   * (PyTorch's {@code swa_utils} recipe); read it with {@link TrainingPlan#averagedModel()},
   * checkpointed with the plan. A plan keeps one average: this or {@link #ema}.
   */
  public TrainingPlanBuilder swa(PlanAverage swa) {
    return average("swa", swa);
  }

  private TrainingPlanBuilder average(String kind, PlanAverage given) {
    Objects.requireNonNull(given, kind);
    if (!given.kind().equals(kind)) {
      throw new IllegalArgumentException(kind + "(...) takes " + kind + " settings (ModelEma for ema, ModelSwa for swa), was " + given);
    }
    if (average != null) {
      throw new IllegalStateException("the plan already keeps an average (" + average + "); a plan keeps one: "
          + "for a second, attach an AveragedModel with updateEveryStep / updateAtEpochEnds and checkpointWith");
    }
    this.average = given;
    return this;
  }

  /** The metric, by name in the map given to {@code endEpoch}, that ReduceLROnPlateau watches. */
  public TrainingPlanBuilder monitor(String metric) {
    this.monitor = Objects.requireNonNull(metric, "metric");
    return this;
  }

  /** {@code clip_grad_norm_(params, maxNorm)} before every optimizer step. */
  public TrainingPlanBuilder clipGradNorm(double maxNorm) {
    return clipGradNorm(maxNorm, 2.0, false);
  }

  /** {@code clip_grad_norm_(params, maxNorm, normType, errorIfNonfinite)}; normType may be infinite. */
  public TrainingPlanBuilder clipGradNorm(double maxNorm, double normType, boolean errorIfNonfinite) {
    requireNoClipping();
    this.clipping = new Clipping.ByNorm(maxNorm, normType, errorIfNonfinite);
    return this;
  }

  /** {@code clip_grad_value_(params, clipValue)} before every optimizer step. */
  public TrainingPlanBuilder clipGradValue(double clipValue) {
    requireNoClipping();
    this.clipping = new Clipping.ByValue(clipValue);
    return this;
  }

  /** Micro-batches per optimizer step; the caller scales each loss by {@link TrainingPlan#lossScale()}. */
  public TrainingPlanBuilder accumulate(int microBatches) {
    if (microBatches < 1) {
      throw new IllegalArgumentException("accumulate needs at least 1 micro-batch per step, was " + microBatches);
    }
    this.accumulate = microBatches;
    return this;
  }

  /**
   * Micro-batches per optimizer step, and what each micro-batch's loss is divided by: with
   * {@link LossScale#WINDOW} an epoch's last, partial window takes the mean of its own micro-batches
   * (the Hugging Face Trainer); {@link #accumulate(int)} is {@link LossScale#ACCUMULATE}, {@code 1 / k} throughout.
   */
  public TrainingPlanBuilder accumulate(int microBatches, LossScale lossScale) {
    accumulate(microBatches);
    this.lossScale = Objects.requireNonNull(lossScale, "lossScale");
    return this;
  }

  /** Builds schedules from specs with this factory instead of {@code dev.anneal.schedule.Schedulers}. */
  public TrainingPlanBuilder schedulers(SchedulerFactory factory) {
    this.schedulerFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** Listens to steps, skipped steps, unfreezing and epoch ends. */
  public TrainingPlanBuilder listener(PlanListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Reads the parameter sources, creates the optimizer and schedules and applies the freeze plan at
   * epoch 0, step 0. Refuses what only run time can see: a parameter in two groups, an empty
   * group, a step-interval schedule without {@code stepsPerEpoch}, a plateau schedule without a
   * monitored metric.
   */
  public TrainingPlan build() {
    return new TrainingPlan(this);
  }

  private void requireNoClipping() {
    if (clipping != null) {
      throw new IllegalStateException("the plan already clips gradients (" + clipping + "); choose one clipping");
    }
  }
}
