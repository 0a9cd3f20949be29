package dev.anneal.plan;

import dev.anneal.freeze.FreezeRule;
import dev.anneal.freeze.Freezer;
import dev.anneal.grad.Clipping;
import dev.anneal.grad.GradientClipping;
import dev.anneal.optim.Closure;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.MetricScheduler;
import dev.anneal.schedule.warmup.StepWarmup;
import dev.anneal.spec.Registry;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Executes a training configuration: owns the optimizer and its groups, the schedules, the freeze
 * plan, gradient clipping and accumulation, and the {@link TrainingClock}. A training loop calls
 *
 * <pre>{@code
 * plan.startEpoch();
 * for (batch : batches) {
 *   loss = model.loss(batch) * plan.lossScale();   // 1/k with accumulate(k)
 *   backward(loss);                                 // gradients into the parameters
 *   plan.afterBackward();                           // clip, step, zero, step-interval schedules
 * }
 * plan.finishEpochSteps();                          // a partial accumulation window steps
 * plan.endEpoch(Map.of("val_loss", validationLoss)); // evaluated now: plateau and epoch-interval schedules
 * }</pre>
 *
 * Build one with {@link #builder()}; {@link #save} and {@link #load} checkpoint everything needed
 * to continue bit for bit. A host whose optimizer step comes apart from backward (DJL's
 * {@code Trainer}) calls {@link #backwardDone()} and {@link #stepNow(double)} in place of
 * {@code afterBackward}.
 *
 * <p>This class is the epoch protocol and the plan's accessors; the parts live apart: {@link
 * PlanGroup} (what the plan keeps per group), {@link StepPipeline} (one optimizer step),
 * {@link PlanAssembly} (declaration to parts), {@link PlanCheckpoint}.
 */
public final class TrainingPlan {
  private final int epochs;
  private final long stepsPerEpoch;
  private final int accumulate;
  private final LossScale lossScale;
  private final String monitor;
  private final Clipping clipping;
  private final Optimizer optimizer;
  /** Per group, in the optimizer's order: declared groups, then groups added while running. */
  private final List<PlanGroup> groups = new ArrayList<>();
  private final HeldBuffers held = new HeldBuffers(groups);
  private final Freezer freezer;
  /** The plan-wide step warmup, for every group that follows the plan-wide schedules. */
  private final StepWarmup planStepWarmup;
  private final List<ActiveSchedule> schedules;
  /** The schedules over every group without its own (those a plan-wide step warmup's hold_after delays). */
  private final List<ActiveSchedule> planWideSchedules;
  private final List<PlanListener> listeners;
  private final TrainingClock clock = new TrainingClock();
  private final PlanHooks hooks = new PlanHooks();
  private final StepPipeline pipeline;
  private final Map<String, Object> declaration;
  /** Whether the plan-wide schedules drive every group (so a group added later joins them). */
  private final boolean planWideOverAll;
  /** The plan's own EMA of the weights ({@code .ema(...)}), or null. */
  private final WeightAverage averaged;

  /** A scheduler as running: what was declared, the scheduler, the groups it drives. */
  record ActiveSchedule(PlannedSchedule planned, LrScheduler scheduler, String scope) {}

  public static TrainingPlanBuilder builder() {
    return new TrainingPlanBuilder();
  }

  TrainingPlan(TrainingPlanBuilder b) {
    if (b.epochs < 1) {
      throw new IllegalStateException("the plan needs epochs(n)");
    }
    if (b.optimizer == null) {
      throw new IllegalStateException("the plan needs an optimizer(Spec.of(\"AdamW\")...)");
    }
    if (b.groups.isEmpty()) {
      throw new IllegalStateException("the plan needs at least one group(name, parameters)");
    }
    this.epochs = b.epochs;
    this.stepsPerEpoch = b.stepsPerEpoch;
    this.accumulate = b.accumulate;
    this.lossScale = b.lossScale;
    this.monitor = b.monitor;
    this.clipping = b.clipping;
    this.listeners = new ArrayList<>(b.listeners);
    this.planStepWarmup = b.stepWarmup;

    Descriptor optimizerType = Registry.require(Category.OPTIMIZER, b.optimizer.type());
    List<TrainingPlanBuilder.DeclaredGroup> declared =
        GroupSplitter.expand(b.groups, b.noDecay, b.optimizer.has(ParamGroup.LR) ? b.optimizer.get(ParamGroup.LR) : null, optimizerType);
    this.optimizer = Optimizers.create(b.optimizer, PlanAssembly.readGroups(declared, optimizerType));
    List<ParamGroup> built = optimizer.paramGroups();
    List<FreezeRule> rules = new ArrayList<>();
    for (int g = 0; g < declared.size(); g++) {
      TrainingPlanBuilder.DeclaredGroup group = declared.get(g);
      List<Buffer> buffers = PlanAssembly.readBuffers(group.name(), group.source(), groups, built.subList(0, g + 1));
      PlanGroup planGroup = PlanGroup.of(built.get(g), buffers, group.config(), planStepWarmup);
      groups.add(planGroup);
      rules.add(planGroup.freezeRule);
    }
    for (TrainingPlanBuilder.DeclaredGroup group : b.groups) {
      requireNormLayers(group.name(), group.config(), group.source());
    }
    this.freezer = new Freezer(built, rules, ParamRule.normLayers()::matches);
    this.planWideOverAll = b.schedules.isEmpty() || declared.stream().allMatch(g -> g.config().plannedSchedule() == null);
    SchedulerFactory factory = b.schedulerFactory != null ? b.schedulerFactory : DefaultSchedulers.INSTANCE;
    this.schedules = PlanAssembly.schedules(b, declared, optimizer, factory);
    this.planWideSchedules = schedules.stream()
        .filter(a -> b.schedules.stream().anyMatch(planned -> planned == a.planned())).toList();
    this.pipeline = new StepPipeline(this, optimizer, groups, freezer, held, b.clipping, clock, hooks, schedules, listeners);

    freezer.start(0, 0);
    pipeline.refreshTrainable();
    held.sync(freezer::isFrozen);
    this.declaration = new LinkedHashMap<>(PlanDeclaration.describe(b, declared, built));
    if (b.average != null) {
      declaration.put(b.average.kind(), b.average.describe());
      this.averaged = b.average.attach(this);
    } else {
      this.averaged = null;
    }
  }

  /**
   * The averaged weights the plan keeps when built with {@code .ema(...)} or {@code .swa(...)}:
   * {@code averagedModel().get().averaged(name)} is a parameter's average after the last step.
   *
   * @return the plan's average, or empty when it keeps none
   */
  public Optional<WeightAverage> averagedModel() {
    return Optional.ofNullable(averaged);
  }

  // ---------------------------------------------------------------- growing

  /**
   * Adds a group to the running plan, as Lightning's {@code unfreeze_and_add_param_group}: layers
   * that were not trained so far join the optimizer with their own hyperparameters (and, if
   * configured, a freeze rule, applied from the next step, and a step warmup: its own, else the
   * plan's). The plan-wide schedules take the group in at the current position: at their next
   * step it gets {@code initial_lr} = its lr and the lr the schedule gives now. Checkpoints record
   * the added groups; a checkpoint with another group layout is refused, naming the groups that
   * differ. A group added this way cannot have a schedule of its own, nor join a plan whose
   * plan-wide schedules drive only some groups.
   *
   * <p>Use this rather than {@code plan.optimizer().addParamGroup(...)}, which the plan refuses at
   * the next step: its schedules, freezing and checkpoints would not know the group.
   */
  public ParamGroup addGroup(String name, ParameterSource parameters, Consumer<GroupConfig> configure) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, () -> "parameters of group " + name);
    requireGroupsKnown();
    if (groupNames().contains(name)) {
      throw new IllegalArgumentException("the plan already has a group " + name + "; it has " + groupNames());
    }
    if (clock.microBatch() != 0) {
      throw new IllegalStateException("cannot add group " + name + " with " + clock.microBatch() + " of " + accumulate
          + " micro-batches accumulated; add it right after an optimizer step");
    }
    GroupConfig config = new GroupConfig(name);
    configure.accept(config);
    if (!config.splits().isEmpty() || config.layerDecayRule() != null) {
      throw new IllegalArgumentException("group " + name + " is added during training and cannot split its parameters "
          + "(split, noDecay, layerDecay); add each part with its own plan.addGroup");
    }
    if (config.plannedSchedule() != null) {
      throw new IllegalArgumentException("group " + name + " is added during training, so it follows the plan-wide "
          + "schedules; it cannot have a schedule of its own");
    }
    if (!planWideOverAll) {
      throw new IllegalStateException("cannot add group " + name + ": the plan-wide schedules drive only the groups "
          + "without a schedule of their own, a fixed set, so the new group would have no schedule");
    }
    List<Parameter> params = parameters.parameters();
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException("group " + name + " holds no parameters");
    }
    requireNormLayers(name, config, parameters);
    Map<String, String> byName = new LinkedHashMap<>();
    for (ParamGroup g : groups()) {
      g.params().forEach(p -> byName.put(p.name(), g.name()));
    }
    for (Parameter p : params) {
      if (byName.containsKey(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " of new group " + name + " is already in group "
            + byName.get(p.name()) + "; checkpoints key tensors by parameter name, so names must be unique");
      }
    }
    List<Buffer> buffers = PlanAssembly.readBuffers(name, parameters, groups, groups());
    ParamGroup group = new ParamGroup(name, params);
    config.overrides().forEach(group::set);
    PlanGroup planGroup = PlanGroup.of(group, buffers, config, planStepWarmup);
    optimizer.addParamGroup(group); // validates the hyperparameters; nothing changed if it throws
    groups.add(planGroup);
    freezer.addGroup(group, planGroup.freezeRule);
    @SuppressWarnings("unchecked")
    List<Object> added = (List<Object>) declaration.computeIfAbsent(PlanDeclaration.ADDED_GROUPS, k -> new ArrayList<>());
    added.add(PlanDeclaration.describeAdded(config, params.size()));
    freezer.update(clock.epoch(), clock.step());
    pipeline.refreshTrainable();
    held.sync(freezer::isFrozen);
    return group;
  }

  /** {@link #addGroup(String, ParameterSource, Consumer)} with the optimizer's defaults. */
  public ParamGroup addGroup(String name, ParameterSource parameters) {
    return addGroup(name, parameters, g -> {});
  }

  /** Refuses to run with groups the plan was not told about. */
  private void requireGroupsKnown() {
    List<ParamGroup> all = optimizer.paramGroups();
    if (all.size() != groups.size()) {
      List<String> unknown = PlanAssembly.names(all).subList(groups.size(), all.size());
      throw new IllegalStateException("group " + String.join(", ", unknown) + " was added with "
          + "plan.optimizer().addParamGroup(...), which the plan's schedules, freezing and checkpoints do not know; "
          + "add groups to a running plan with plan.addGroup(name, parameters, config)");
    }
  }

  // ---------------------------------------------------------------- the epoch protocol

  /** Starts an epoch: groups due to unfreeze at this epoch unfreeze now, before any backward pass. */
  public void startEpoch() {
    if (clock.inEpoch()) {
      throw new IllegalStateException("epoch " + clock.epoch() + " is already started; call endEpoch(metrics) first");
    }
    clock.startEpoch();
    pipeline.applyFreezing();
  }

  /**
   * Call after each backward pass (one micro-batch). Drops the gradients of frozen groups; once
   * {@code accumulate} micro-batches are in, checks the gradients (a NaN or infinity skips the
   * step, reported to listeners), clips, steps the optimizer, drops the gradients, advances the
   * step-interval schedules and unfreezes groups due at the new step.
   */
  public StepOutcome afterBackward() {
    return backwardDone() ? stepNow(1.0) : StepOutcome.ACCUMULATED;
  }

  /**
   * The first half of {@link #afterBackward()}, for a host whose optimizer step comes apart from
   * the backward pass (DJL's {@code Trainer}, where listeners hear of a batch before
   * {@code trainer.step()}): counts the micro-batch and drops frozen groups' gradients. Returns
   * whether an optimizer step is due; the host then calls {@link #stepNow(double)}.
   */
  public boolean backwardDone() {
    if (!clock.inEpoch()) {
      throw new IllegalStateException("a backward pass outside an epoch; call startEpoch() first");
    }
    requireGroupsKnown();
    clock.microBatchDone();
    pipeline.afterBackward();
    return clock.microBatch() >= accumulate;
  }

  /**
   * The second half: the optimizer step over the micro-batches counted so far, the gradients first
   * multiplied by {@code gradScale} (1 when the loss was scaled by {@link #lossScale()}; a host
   * that cannot scale the loss, or that summed replicas' gradients, passes the mean's factor).
   */
  public StepOutcome stepNow(double gradScale) {
    if (clock.microBatch() == 0) {
      throw new IllegalStateException("no backward pass since the last optimizer step: call backwardDone() after each one");
    }
    if (gradScale != 1.0) {
      GradientClipping.scale(pipeline.trainable(), (float) gradScale);
    }
    return pipeline.step(null);
  }

  /**
   * One optimizer step through a closure, for optimizers that evaluate the model several times per
   * step (LBFGS), as PyTorch's {@code optimizer.step(closure)}. The closure clears the gradients,
   * computes the loss, back-propagates and returns the loss; after every evaluation the plan drops
   * the frozen groups' gradients and clips. The closure is evaluated once up front to check the
   * gradients: a NaN or infinity skips the step as in {@link #afterBackward()}. Needs
   * {@code accumulate(1)}.
   */
  public StepOutcome step(Closure closure) {
    if (accumulate != 1) {
      throw new IllegalStateException("step(closure) evaluates whole batches; it cannot accumulate " + accumulate
          + " micro-batches (use afterBackward, or accumulate(1))");
    }
    if (!clock.inEpoch()) {
      throw new IllegalStateException("step(closure) outside an epoch; call startEpoch() first");
    }
    requireGroupsKnown();
    closure.evaluate();
    clock.microBatchDone();
    pipeline.afterBackward();
    return pipeline.step(() -> {
      double loss = closure.evaluate();
      pipeline.afterBackward();
      if (clipping != null) {
        clipping.apply(pipeline.trainable());
      }
      return loss;
    });
  }

  /**
   * The first of the epoch's two closing moves: steps a partial accumulation window left over
   * (micro-batches that do not divide evenly by {@code accumulate}), as Hugging Face's Trainer
   * does at the end of an epoch. Call it after the epoch's last micro-batch and before evaluating,
   * so the metrics see the epoch's final weights (PyTorch's order: the epoch's steps, evaluation,
   * then {@code scheduler.step(val_loss)}); then {@link #endEpoch(Map)}. Returns whether a window
   * was pending (it was stepped, or skipped for a non-finite gradient).
   */
  public boolean finishEpochSteps() {
    if (!clock.inEpoch()) {
      throw new IllegalStateException("finishEpochSteps outside an epoch; call startEpoch() first");
    }
    if (clock.microBatch() == 0) {
      return false;
    }
    pipeline.step(null);
    return true;
  }

  /**
   * The second move: epoch-interval schedules advance, plateau schedules with the monitored
   * metric, listeners get the metrics. The metrics map is checked first: a missing monitored
   * metric changes nothing. A partial accumulation window must have been stepped by
   * {@link #finishEpochSteps()} when a plateau schedule reads the metrics (they would otherwise
   * have been computed before the epoch's last step); without one, it is stepped here.
   */
  public void endEpoch(Map<String, Double> metrics) {
    if (!clock.inEpoch()) {
      throw new IllegalStateException("endEpoch without startEpoch");
    }
    Double metric = null;
    for (ActiveSchedule active : schedules) {
      if (active.scheduler() instanceof MetricScheduler) {
        if (clock.microBatch() > 0) {
          throw new IllegalStateException("schedule " + active.planned().describe() + " of " + active.scope()
              + " reads the metrics, but " + clock.microBatch() + " of " + accumulate + " micro-batches are still "
              + "accumulated, so they were computed before the epoch's last step; call finishEpochSteps() before "
              + "evaluating, then endEpoch(metrics)");
        }
        metric = metrics.get(monitor);
        if (metric == null) {
          throw new IllegalArgumentException("schedule " + active.planned().describe() + " of " + active.scope()
              + " needs the monitored metric " + monitor + ", but endEpoch got only " + metrics.keySet());
        }
      }
    }
    if (clock.microBatch() > 0) {
      pipeline.step(null);
    }
    boolean hold = warmupEndedThisEpoch();
    for (ActiveSchedule active : schedules) {
      if (active.planned().interval() == Interval.EPOCH) {
        if (hold && planWideSchedules.contains(active)) {
          continue;   // hold_after: the plan-wide schedules run one epoch late from the warmup's end
        }
        if (active.scheduler() instanceof MetricScheduler metricScheduler) {
          metricScheduler.step(metric);
        } else {
          active.scheduler().step();
        }
      }
    }
    clock.endEpoch();
    Map<String, Double> view = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    for (PlanListener listener : listeners) {
      listener.onEpochEnd(clock, view);
    }
  }

  /**
   * Whether the plan's step warmup holds the schedules after it ({@code hold_after}) and its last
   * step (step {@code warmup_steps}, where it reaches the scheduled lr) was taken in this epoch.
   */
  private boolean warmupEndedThisEpoch() {
    if (planStepWarmup == null || !planStepWarmup.holdsAfter()) {
      return false;
    }
    long end = planStepWarmup.steps();
    return clock.step() > end && clock.step() - clock.stepInEpoch() <= end;
  }

  /** {@link #endEpoch(Map)} without metrics (no plateau schedule). */
  public void endEpoch() {
    endEpoch(Map.of());
  }

  /** Code run around each optimizer step and each checkpoint save and load; see {@link PlanHooks}. */
  public PlanHooks hooks() {
    return hooks;
  }

  /** Adds a listener after building (a training loop adds its own). */
  public void addListener(PlanListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added earlier; returns whether it was there. */
  public boolean removeListener(PlanListener listener) {
    return listeners.remove(listener);
  }

  // ---------------------------------------------------------------- reading

  /**
   * The factor to multiply each micro-batch's loss by before backward: {@code 1 / accumulate}
   * ({@link LossScale#ACCUMULATE}, the default). A plan with {@link LossScale#WINDOW} and
   * {@code accumulate > 1} refuses: its factor depends on the epoch's micro-batches, so call
   * {@link #lossScale(long)}.
   */
  public double lossScale() {
    if (lossScale == LossScale.WINDOW && accumulate > 1) {
      throw new IllegalStateException("the plan divides each loss by its accumulation window's micro-batches (LossScale.WINDOW), "
          + "which depend on the epoch's length: call lossScale(microBatchesPerEpoch)");
    }
    return 1.0 / accumulate;
  }

  /**
   * The factor for the next micro-batch of an epoch of {@code microBatchesPerEpoch}: {@code 1 / accumulate}
   * with {@link LossScale#ACCUMULATE}; with {@link LossScale#WINDOW}, one over the micro-batches of the
   * window it falls in, {@code min(accumulate, microBatchesPerEpoch - windowStart)} (the Hugging Face
   * Trainer's {@code current_gradient_accumulation_steps}).
   */
  public double lossScale(long microBatchesPerEpoch) {
    long windowStart = clock.batchInEpoch() - clock.microBatch();
    if (microBatchesPerEpoch < 1 || clock.batchInEpoch() >= microBatchesPerEpoch) {
      throw new IllegalArgumentException("micro-batch " + clock.batchInEpoch() + " of the epoch is past an epoch of "
          + microBatchesPerEpoch + " micro-batches; give the epoch's number of micro-batches");
    }
    if (lossScale == LossScale.ACCUMULATE) {
      return 1.0 / accumulate;
    }
    return 1.0 / Math.min(accumulate, microBatchesPerEpoch - windowStart);
  }

  /** {@return what each micro-batch's loss is divided by under accumulation} */
  public LossScale lossScaleMode() {
    return lossScale;
  }

  /**
   * What this window's summed gradients are divided by when the losses were not scaled (a host that
   * cannot scale them passes the factor to {@link #stepNow}), as {@link #lossScale(long)} divides
   * each loss: {@code accumulate}, or with {@link LossScale#WINDOW} the micro-batches counted in this
   * window (fewer in an epoch's partial one).
   */
  public long windowDivisor() {
    return lossScale == LossScale.WINDOW ? clock.microBatch() : accumulate;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public TrainingClock clock() {
    return clock;
  }

  public int epochs() {
    return epochs;
  }

  /** Optimizer steps per epoch as declared, or -1 when not given. */
  public long stepsPerEpoch() {
    return stepsPerEpoch;
  }

  public int accumulate() {
    return accumulate;
  }

  /** The metric plateau schedules read from the map given to {@code endEpoch}, or null without one. */
  public String monitor() {
    return monitor;
  }

  /** The groups in declaration order (the optimizer's live groups). */
  public List<ParamGroup> groups() {
    return optimizer.paramGroups();
  }

  public ParamGroup group(String name) {
    return planGroup(name).params;
  }

  private PlanGroup planGroup(String name) {
    for (PlanGroup g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("the plan has no group " + name + "; it has " + groupNames());
  }

  private int indexOf(String name) {
    return groups.indexOf(planGroup(name));
  }

  private List<String> groupNames() {
    return groups.stream().map(PlanGroup::name).toList();
  }

  /** What the group's buffers do while it is frozen. */
  public BatchNormPolicy frozenBatchNorm(String group) {
    return planGroup(group).batchNorm;
  }

  /** {@return whether the group's norm layers keep training while it is frozen ({@code trainNorm}, fastai's {@code train_bn})} */
  public boolean trainsNormWhileFrozen(String group) {
    FreezeRule rule = planGroup(group).freezeRule;
    return rule != null && rule.trainNorm();
  }

  /**
   * The lr the group's last optimizer step was taken with: its scheduled lr times any re-warmup or
   * step-warmup factor and its {@code lr_scale}, what {@link StepReport#lr} reported. Before the
   * group's first step in this JVM (a fresh plan, a resumed one, a group just added) it is the
   * scheduled lr times its {@code lr_scale}.
   */
  public double lastStepLr(String group) {
    PlanGroup g = planGroup(group);
    return Double.isNaN(g.usedLr) ? g.params.lr() * g.lrScale : g.usedLr;
  }

  /**
   * Whether the group is frozen now. A group frozen with {@code trainNorm} still trains its
   * normalization-layer parameters: {@link #isFrozen(Parameter)} answers per parameter.
   */
  public boolean isFrozen(String group) {
    return freezer.isFrozen(indexOf(group));
  }

  /**
   * Whether this parameter of the plan is frozen now (gets no gradient, no update): its group is
   * frozen, unless the group's freeze keeps normalization layers training ({@code trainNorm}) and
   * the parameter belongs to one.
   */
  public boolean isFrozen(Parameter parameter) {
    Objects.requireNonNull(parameter, "parameter");
    for (int g = 0; g < groups.size(); g++) {
      for (Parameter p : groups.get(g).params.params()) {
        if (p == parameter) {
          return freezer.isFrozen(g, p);
        }
      }
    }
    throw new IllegalArgumentException("parameter " + parameter.name() + " is in no group of the plan");
  }

  /**
   * Refuses {@code trainNorm} on a group whose parameters are known and none is a normalization
   * layer's: it would do nothing, most likely because the layers lack their module type.
   */
  private static void requireNormLayers(String name, GroupConfig config, ParameterSource source) {
    if (!config.trainsNorm()) {
      return;
    }
    List<Parameter> params = source.parameters();
    if (!params.isEmpty() && params.stream().noneMatch(ParamRule.normLayers()::matches)) {
      throw new IllegalArgumentException("group " + name + " sets trainNorm(true) but none of its parameters is a "
          + "normalization layer's (Parameter.moduleType() one of " + ParamRule.NORM_MODULE_TYPES + "); give its norm "
          + "layers their module type (new Layer(name, \"BatchNorm2d\")) or drop trainNorm");
    }
  }

  /** Every parameter of every group, in group order. */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.params.params()));
    return all;
  }

  /** Every buffer of every group (BatchNorm's running statistics), in group order; checkpoints hold them. */
  public List<Buffer> buffers() {
    List<Buffer> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.buffers));
    return all;
  }

  /** Whether training has run all its epochs. */
  public boolean finished() {
    return clock.epoch() >= epochs;
  }

  List<ActiveSchedule> schedules() {
    return schedules;
  }

  Freezer freezer() {
    return freezer;
  }

  Map<String, Object> declaration() {
    return declaration;
  }

  List<PlanListener> listeners() {
    return listeners;
  }

  void restoreClock(Map<String, ?> map) {
    clock.restore(map);
    pipeline.refreshTrainable();
  }

  // ---------------------------------------------------------------- checkpoints

  /**
   * Writes a checkpoint atomically: parameters and optimizer state as tensors keyed by parameter
   * name (safetensors layout), hyperparameters, schedule state, freeze state and clock as JSON.
   * Only between optimizer steps: not with a partial accumulation pending.
   */
  public void save(Path file) throws IOException {
    if (clock.microBatch() != 0) {
      throw new IllegalStateException("cannot checkpoint with " + clock.microBatch() + " of " + accumulate
          + " micro-batches accumulated; save right after an optimizer step");
    }
    requireGroupsKnown();
    hooks.runBeforeSave(this, file);
    PlanCheckpoint.save(this, file, true);
    hooks.runAfterSave(this, file);
  }

  /**
   * Writes a checkpoint of the training state without the weights (no parameters, no buffers):
   * optimizer state, hyperparameters, schedules, freezing and clock, for a host that saves the
   * model itself (DJL's {@code SaveModelTrainingListener}). {@link #load} restores it and leaves
   * the weights to the host.
   */
  public void saveTrainingState(Path file) throws IOException {
    if (clock.microBatch() != 0) {
      throw new IllegalStateException("cannot checkpoint with " + clock.microBatch() + " of " + accumulate
          + " micro-batches accumulated; save right after an optimizer step");
    }
    requireGroupsKnown();
    hooks.runBeforeSave(this, file);
    PlanCheckpoint.save(this, file, false);
    hooks.runAfterSave(this, file);
  }

  /**
   * Restores a checkpoint written by {@link #save} from a plan declared the same way. A file that
   * is corrupt, truncated, of another format version, or does not match this plan (parameter names
   * or shapes, optimizer, groups, schedules, freeze plan) is refused with a message naming the
   * difference, and the plan is left exactly as it was. Refused while micro-batches are pending.
   */
  public void load(Path file) throws IOException {
    if (clock.microBatch() != 0) {
      throw new IllegalStateException("cannot load " + file + " with " + clock.microBatch() + " of " + accumulate
          + " micro-batches accumulated: their gradients belong to this run, not the checkpoint's; load between optimizer steps");
    }
    requireGroupsKnown();
    hooks.runBeforeLoad(this, file);
    PlanCheckpoint.load(this, file);
    held.recapture(freezer::isFrozen);
    hooks.runAfterLoad(this, file);
  }
}
