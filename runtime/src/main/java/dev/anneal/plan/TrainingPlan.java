package dev.anneal.plan;

import dev.anneal.freeze.FreezeRule;
import dev.anneal.freeze.Freezer;
import dev.anneal.grad.Clipping;
import dev.anneal.grad.GradientClipping;
import dev.anneal.grad.NonFiniteGradientException;
import dev.anneal.grad.NonFiniteGradients;
import dev.anneal.optim.Closure;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.Optimizers;
import dev.anneal.spec.Registry;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.MetricScheduler;
import dev.anneal.schedule.warmup.StepWarmup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * to continue bit for bit.
 */
public final class TrainingPlan {
  private final int epochs;
  private final long stepsPerEpoch;
  private final int accumulate;
  private final String monitor;
  private final Clipping clipping;
  private final Optimizer optimizer;
  private final List<ParamGroup> groups;
  private List<String> groupNames;
  /** Per group, the buffers of its source (BatchNorm's running statistics), saved in checkpoints. */
  private final List<List<Buffer>> groupBuffers = new ArrayList<>();
  /** Frozen groups' buffers held under {@link BatchNormPolicy#HOLD}. */
  private final HeldBuffers held = new HeldBuffers(groupBuffers);
  private final Freezer freezer;
  /** Per group, the warmup counted in optimizer steps that multiplies its scheduled lr, or null. */
  private final List<StepWarmup> stepWarmups = new ArrayList<>();
  private final List<ActiveSchedule> schedules = new ArrayList<>();
  private final List<PlanListener> listeners;
  private final TrainingClock clock = new TrainingClock();
  private final PlanHooks hooks = new PlanHooks();
  private final Map<String, Object> declaration;
  /** Parameters of the groups not frozen right now; recomputed when freezing changes. */
  private List<Parameter> trainable;
  private double[] usedLr;
  private double[] scheduledLr;
  private final SchedulerFactory factory;
  /** Whether the plan-wide schedules drive every group (so a group added later joins them). */
  private final boolean planWideOverAll;

  /** A scheduler as running: what was declared, the scheduler, whether it needs a metric. */
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
    this.monitor = b.monitor;
    this.clipping = b.clipping;
    this.listeners = new ArrayList<>(b.listeners);

    Descriptor optimizerType = Registry.require(Category.OPTIMIZER, b.optimizer.type());
    List<TrainingPlanBuilder.DeclaredGroup> declaredGroups =
        GroupSplitter.expand(b.groups, b.noDecay, b.optimizer.has(ParamGroup.LR) ? b.optimizer.get(ParamGroup.LR) : null, optimizerType);
    List<ParamGroup> built = readGroups(declaredGroups, optimizerType);
    this.optimizer = Optimizers.create(b.optimizer, built);
    this.groups = optimizer.paramGroups();
    this.groupNames = names(groups);
    for (TrainingPlanBuilder.DeclaredGroup declared : declaredGroups) {
      groupBuffers.add(readBuffers(declared.name(), declared.source()));
      held.addGroup(declared.config().batchNormPolicy());
    }
    this.usedLr = notStepped(groups.size());
    this.scheduledLr = new double[groups.size()];

    List<FreezeRule> rules = new ArrayList<>();
    for (TrainingPlanBuilder.DeclaredGroup declared : declaredGroups) {
      rules.add(declared.config().freezeRule());
    }
    this.freezer = new Freezer(groups, rules);
    for (TrainingPlanBuilder.DeclaredGroup declared : declaredGroups) {
      StepWarmup own = declared.config().ownStepWarmup();
      stepWarmups.add(own != null ? own : declared.config().plannedSchedule() == null ? b.stepWarmup : null);
    }

    this.factory = b.schedulerFactory != null ? b.schedulerFactory : DefaultSchedulers.INSTANCE;
    this.planWideOverAll = b.schedules.isEmpty()
        || declaredGroups.stream().allMatch(g -> g.config().plannedSchedule() == null);
    createSchedules(b, declaredGroups, factory);

    freezer.update(0, 0);
    refreshTrainable();
    held.sync(freezer::isFrozen);
    this.declaration = new LinkedHashMap<>(PlanDeclaration.describe(b, declaredGroups, groups));
  }

  private static List<ParamGroup> readGroups(List<TrainingPlanBuilder.DeclaredGroup> declared, Descriptor optimizer) {
    Map<Object, String> owner = new IdentityHashMap<>();
    Map<Object, String> ownerName = new IdentityHashMap<>();
    Map<String, String> nameOwner = new LinkedHashMap<>();
    List<ParamGroup> built = new ArrayList<>();
    for (TrainingPlanBuilder.DeclaredGroup group : declared) {
      List<Parameter> params = group.source().parameters();
      if (params == null || params.isEmpty()) {
        throw new IllegalArgumentException("group " + group.name() + " holds no parameters; "
            + "give it a field that holds parameters or leave the group out");
      }
      for (Parameter p : params) {
        String previous = owner.put(p.tensorIdentity(), group.name());
        String previousName = ownerName.put(p.tensorIdentity(), p.name());
        if (previous != null) {
          String as = previousName.equals(p.name()) ? "" : " (as " + previousName + " and as " + p.name() + ")";
          throw new IllegalArgumentException("parameter " + p.name() + " is in both group " + previous + " and group "
              + group.name() + as + "; the two fields reach the same tensor, but a parameter can belong to one group only, "
              + "as in PyTorch: leave the sub-block out of the larger group");
        }
        String sameName = nameOwner.put(p.name(), group.name());
        if (sameName != null) {
          throw new IllegalArgumentException("two different parameters are named " + p.name() + " (in groups " + sameName
              + " and " + group.name() + "); checkpoints key tensors by parameter name, so names must be unique");
        }
      }
      ParamGroup paramGroup = new ParamGroup(group.name(), params);
      for (String type : group.config().overrideTypes()) {
        if (!type.equals(optimizer.name())) {
          throw new IllegalArgumentException("group " + group.name() + " overrides " + type + " hyperparameters, but the plan's optimizer is "
              + optimizer.name() + "; write them with " + optimizer.javaName() + ".spec()");
        }
      }
      group.config().overrides().forEach((key, value) -> {
        if (optimizer.argument(key).isEmpty()) {
          throw new IllegalArgumentException("group " + group.name() + ": " + optimizer.unknown(key).message());
        }
        paramGroup.set(key, value);
      });
      built.add(paramGroup);
    }
    return built;
  }

  /** A group's buffers, their names unique among every parameter and buffer of the plan. */
  private List<Buffer> readBuffers(String group, ParameterSource source) {
    List<Buffer> buffers = List.copyOf(source.buffers());
    Map<String, String> taken = new LinkedHashMap<>();
    for (ParamGroup g : groups) {
      g.params().forEach(p -> taken.put(p.name(), "a parameter of group " + g.name()));
    }
    for (int g = 0; g < groupBuffers.size(); g++) {
      String owner = "a buffer of group " + groups.get(g).name();
      groupBuffers.get(g).forEach(buf -> taken.put(buf.name(), owner));
    }
    for (Buffer buffer : buffers) {
      String previous = taken.put(buffer.name(), "a buffer of group " + group);
      if (previous != null) {
        throw new IllegalArgumentException("buffer " + buffer.name() + " of group " + group + " has the name of " + previous
            + "; checkpoints key tensors by name, so names must be unique");
      }
    }
    return buffers;
  }

  private void createSchedules(TrainingPlanBuilder b, List<TrainingPlanBuilder.DeclaredGroup> declaredGroups,
      SchedulerFactory factory) {
    List<ParamGroup> withoutOwn = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      PlannedSchedule own = declaredGroups.get(g).config().plannedSchedule();
      if (own == null) {
        withoutOwn.add(groups.get(g));
      }
    }
    if (!withoutOwn.isEmpty()) {
      for (PlannedSchedule planned : b.schedules) {
        add(planned, factory, withoutOwn, withoutOwn.size() == groups.size() ? "all groups" : "groups " + names(withoutOwn));
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      PlannedSchedule own = declaredGroups.get(g).config().plannedSchedule();
      if (own != null) {
        add(own, factory, List.of(groups.get(g)), "group " + groups.get(g).name());
      }
    }
  }

  private void add(PlannedSchedule planned, SchedulerFactory factory, List<ParamGroup> scope, String scopeName) {
    if (planned.interval() == Interval.STEP && stepsPerEpoch < 1) {
      throw new IllegalStateException("schedule " + planned.describe() + " of " + scopeName
          + " counts optimizer steps, so the plan needs stepsPerEpoch(n)");
    }
    LrScheduler scheduler = planned.spec() != null
        ? factory.create(planned.spec(), optimizer, List.copyOf(scope))
        : planned.custom().create(optimizer, List.copyOf(scope));
    if (scheduler instanceof MetricScheduler) {
      if (monitor == null) {
        throw new IllegalStateException("schedule " + planned.describe() + " of " + scopeName
            + " reduces on a metric; name it with monitor(\"val_loss\") (a key of the map given to endEpoch)");
      }
      if (planned.interval() != Interval.EPOCH) {
        throw new IllegalStateException("schedule " + planned.describe() + " of " + scopeName
            + " reduces on a metric, which arrives once per epoch at endEpoch; use Interval.EPOCH");
      }
    }
    schedules.add(new ActiveSchedule(planned, scheduler, scopeName));
  }

  private static List<String> names(List<ParamGroup> groups) {
    return groups.stream().map(ParamGroup::name).toList();
  }

  // ---------------------------------------------------------------- growing

  /**
   * Adds a group to the running plan, as Lightning's {@code unfreeze_and_add_param_group}: layers
   * that were not trained so far join the optimizer with their own hyperparameters (and, if
   * configured, a freeze rule, applied from the next step). The plan-wide schedules take the group
   * in at the current position: at their next step it gets {@code initial_lr} = its lr and the lr
   * the schedule gives now. Checkpoints record the added groups; a checkpoint with another group
   * layout is refused, naming the groups that differ. A group added this way cannot have a schedule
   * of its own, nor join a plan whose plan-wide schedules drive only some groups.
   *
   * <p>Use this rather than {@code plan.optimizer().addParamGroup(...)}, which the plan refuses at
   * the next step: its schedules, freezing and checkpoints would not know the group.
   */
  public ParamGroup addGroup(String name, ParameterSource parameters, Consumer<GroupConfig> configure) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, () -> "parameters of group " + name);
    requireGroupsKnown();
    if (groupNames.contains(name)) {
      throw new IllegalArgumentException("the plan already has a group " + name + "; it has " + groupNames);
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
    Map<String, String> byName = new LinkedHashMap<>();
    for (ParamGroup g : groups) {
      g.params().forEach(p -> byName.put(p.name(), g.name()));
    }
    for (Parameter p : params) {
      if (byName.containsKey(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " of new group " + name + " is already in group "
            + byName.get(p.name()) + "; checkpoints key tensors by parameter name, so names must be unique");
      }
    }
    List<Buffer> buffers = readBuffers(name, parameters);
    ParamGroup group = new ParamGroup(name, params);
    config.overrides().forEach(group::set);
    optimizer.addParamGroup(group); // validates the hyperparameters; nothing changed if it throws
    groupBuffers.add(buffers);
    held.addGroup(config.batchNormPolicy());
    freezer.addGroup(group, config.freezeRule());
    groupNames = names(groups);
    usedLr = Arrays.copyOf(usedLr, groups.size());
    usedLr[groups.size() - 1] = Double.NaN;
    scheduledLr = new double[groups.size()];
    @SuppressWarnings("unchecked")
    List<Object> added = (List<Object>) declaration.computeIfAbsent(PlanDeclaration.ADDED_GROUPS, k -> new ArrayList<>());
    added.add(PlanDeclaration.describeAdded(config, params.size()));
    freezer.update(clock.epoch(), clock.step());
    refreshTrainable();
    held.sync(freezer::isFrozen);
    return group;
  }

  /** {@link #addGroup(String, ParameterSource, Consumer)} with the optimizer's defaults. */
  public ParamGroup addGroup(String name, ParameterSource parameters) {
    return addGroup(name, parameters, g -> {});
  }

  /** Refuses to run with groups the plan was not told about. */
  private void requireGroupsKnown() {
    if (groups.size() != freezer.size()) {
      List<String> unknown = names(groups).subList(freezer.size(), groups.size());
      throw new IllegalStateException("group " + String.join(", ", unknown) + " was added with "
          + "plan.optimizer().addParamGroup(...), which the plan's schedules, freezing and checkpoints do not know; "
          + "add groups to a running plan with plan.addGroup(name, parameters, config)");
    }
  }

  // ---------------------------------------------------------------- running

  /** Starts an epoch: groups due to unfreeze at this epoch unfreeze now, before any backward pass. */
  public void startEpoch() {
    if (clock.inEpoch()) {
      throw new IllegalStateException("epoch " + clock.epoch() + " is already started; call endEpoch(metrics) first");
    }
    clock.startEpoch();
    applyFreezing();
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
    freezer.dropFrozenGradients();
    held.restore();
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
      GradientClipping.scale(trainable, (float) gradScale);
    }
    return optimizerStep(null);
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
    freezer.dropFrozenGradients();
    held.restore();
    return optimizerStep(() -> {
      double loss = closure.evaluate();
      freezer.dropFrozenGradients();
      held.restore();
      if (clipping != null) {
        clipping.apply(trainable);
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
    optimizerStep(null);
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
      optimizerStep(null);
    }
    for (ActiveSchedule active : schedules) {
      if (active.planned().interval() == Interval.EPOCH) {
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

  /** {@link #endEpoch(Map)} without metrics (no plateau schedule). */
  public void endEpoch() {
    endEpoch(Map.of());
  }

  /** Checks, clips and steps; with a closure, the closure clips after each evaluation. */
  private StepOutcome optimizerStep(Closure closure) {
    hooks.runBeforeStep(this, trainable);
    // With clipping by a 1-, 2- or max-norm, the norm itself reveals a NaN or infinity (double
    // accumulation cannot overflow on finite floats), which saves a pass over the gradients.
    double normType = clipping instanceof Clipping.ByNorm byNorm ? byNorm.normType() : Double.NaN;
    boolean normReveals = closure == null && (normType == 1 || normType == 2 || normType == Double.POSITIVE_INFINITY);
    double totalNorm = normReveals ? GradientClipping.totalNorm(trainable, normType) : Double.NaN;
    Parameter bad = normReveals && Double.isFinite(totalNorm) ? null : NonFiniteGradients.first(trainable);
    if (bad != null) {
      String reason = "non-finite gradient " + NonFiniteGradients.describeFirst(trainable) + " at step " + clock.step();
      if (clipping != null && clipping.errorIfNonfinite()) {
        throw new NonFiniteGradientException(reason + " (the plan clips with errorIfNonfinite = true)");
      }
      optimizer.zeroGrad(true);
      clock.stepSkipped();
      for (PlanListener listener : listeners) {
        listener.onSkippedStep(clock, reason + ": step skipped, nothing updated");
      }
      return StepOutcome.SKIPPED_NON_FINITE;
    }
    if (normReveals) {
      GradientClipping.scaleToMaxNorm(trainable, ((Clipping.ByNorm) clipping).maxNorm(), totalNorm);
    } else if (clipping != null && closure == null) {
      clipping.apply(trainable);
    }
    long index = clock.step();
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup group = groups.get(g);
      scheduledLr[g] = group.lr();
      double factor = freezer.lrFactor(g, index) * stepWarmupFactor(g, index);
      usedLr[g] = factor == 1.0 ? scheduledLr[g] : scheduledLr[g] * factor;
      if (factor != 1.0) {
        group.setLr(usedLr[g]);
      }
    }
    try {
      if (closure == null) {
        optimizer.step();
      } else {
        optimizer.step(closure);
      }
    } finally {
      // Re-warmup scales only the lr this step uses; the schedules keep their own view.
      for (int g = 0; g < groups.size(); g++) {
        if (usedLr[g] != scheduledLr[g]) {
          groups.get(g).setLr(scheduledLr[g]);
        }
      }
    }
    hooks.runAfterStep(this, trainable);
    optimizer.zeroGrad(true);
    // The momentum this step used, read before a schedule that cycles it (OneCycleLR) moves it.
    double[] momenta = listeners.isEmpty() ? null : momenta();
    clock.stepTaken();
    for (ActiveSchedule active : schedules) {
      if (active.planned().interval() == Interval.STEP) {
        active.scheduler().step();
      }
    }
    if (momenta != null) {
      StepReport report = new StepReport(index, clock.epoch(), groupNames, usedLr, momenta);
      for (PlanListener listener : listeners) {
        listener.onStep(report);
      }
    }
    applyFreezing();
    return StepOutcome.STEPPED;
  }

  private double[] momenta() {
    double[] momenta = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup group = groups.get(g);
      if (group.has(ParamGroup.MOMENTUM) && group.get(ParamGroup.MOMENTUM) instanceof Number n) {
        momenta[g] = n.doubleValue();
      } else if (group.has(ParamGroup.BETAS) && group.get(ParamGroup.BETAS) instanceof double[] betas) {
        momenta[g] = betas[0];
      } else {
        momenta[g] = Double.NaN;
      }
    }
    return momenta;
  }

  private void applyFreezing() {
    List<ParamGroup> thawed = freezer.update(clock.epoch(), clock.step());
    if (thawed.isEmpty()) {
      return;
    }
    for (ParamGroup group : thawed) {
      int g = groups.indexOf(group);
      if (freezer.rule(g).resetStateOnUnfreeze()) {
        resetState(group);
      }
    }
    refreshTrainable();
    held.sync(freezer::isFrozen);
    for (ParamGroup group : thawed) {
      for (PlanListener listener : listeners) {
        listener.onUnfreeze(clock, group.name());
      }
    }
  }

  /** Forgets the optimizer state of one group's parameters, keeping everything else. */
  private void resetState(ParamGroup group) {
    OptimizerState state = optimizer.stateView();
    Map<String, OptimizerState.ParamState> kept = new LinkedHashMap<>(state.state());
    for (Parameter p : group.params()) {
      kept.remove(p.name());
    }
    if (kept.size() != state.state().size()) {
      optimizer.adoptState(new OptimizerState(state.type(), state.groups(), kept));
    }
  }

  private void refreshTrainable() {
    List<Parameter> list = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      if (!freezer.isFrozen(g)) {
        list.addAll(groups.get(g).params());
      }
    }
    trainable = List.copyOf(list);
  }

  /** Code run around each optimizer step and each checkpoint save and load; see {@link PlanHooks}. */
  public PlanHooks hooks() {
    return hooks;
  }

  /** Adds a listener after building (a training loop adds its own). */
  public void addListener(PlanListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added earlier; returns whether it was there. */
  public boolean removeListener(PlanListener listener) {
    return listeners.remove(listener);
  }

  // ---------------------------------------------------------------- reading

  /** The factor to multiply each micro-batch's loss by before backward: {@code 1 / accumulate}. */
  public double lossScale() {
    return 1.0 / accumulate;
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
    return groups;
  }

  public ParamGroup group(String name) {
    int g = groupNames.indexOf(name);
    if (g < 0) {
      throw new IllegalArgumentException("the plan has no group " + name + "; it has " + groupNames);
    }
    return groups.get(g);
  }

  /** What the group's buffers do while it is frozen. */
  public BatchNormPolicy frozenBatchNorm(String group) {
    return held.policy(groupNames.indexOf(group(group).name()));
  }

  /**
   * The lr the group's last optimizer step was taken with: its scheduled lr times any re-warmup or
   * step-warmup factor, what {@link StepReport#lr} reported. Before the group's first step in this
   * JVM (a fresh plan, a resumed one, a group just added) it is the scheduled lr.
   */
  public double lastStepLr(String group) {
    int g = groupNames.indexOf(group(group).name());
    return Double.isNaN(usedLr[g]) ? groups.get(g).lr() : usedLr[g];
  }

  private static double[] notStepped(int groups) {
    double[] lrs = new double[groups];
    Arrays.fill(lrs, Double.NaN);
    return lrs;
  }

  public boolean isFrozen(String group) {
    return freezer.isFrozen(groupNames.indexOf(group(group).name()));
  }

  /** Every parameter of every group, in group order. */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.params()));
    return all;
  }

  /** Every buffer of every group (BatchNorm's running statistics), in group order; checkpoints hold them. */
  public List<Buffer> buffers() {
    List<Buffer> all = new ArrayList<>();
    groupBuffers.forEach(all::addAll);
    return all;
  }

  /** Whether training has run all its epochs. */
  public boolean finished() {
    return clock.epoch() >= epochs;
  }

  /** The factor of group {@code g}'s step warmup at optimizer step {@code step}, 1 without one. */
  private double stepWarmupFactor(int g, long step) {
    StepWarmup warmup = g < stepWarmups.size() ? stepWarmups.get(g) : null;
    return warmup == null ? 1.0 : warmup.factor(step);
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
    refreshTrainable();
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
    PlanCheckpoint.save(this, file);
    hooks.runAfterSave(this, file);
  }

  /**
   * Restores a checkpoint written by {@link #save} from a plan declared the same way. A file that
   * is corrupt, truncated, of another format version, or does not match this plan (parameter names
   * or shapes, optimizer, groups, schedules, freeze plan) is refused with a message naming the
   * difference, and the plan is left exactly as it was.
   */
  public void load(Path file) throws IOException {
    requireGroupsKnown();
    hooks.runBeforeLoad(this, file);
    PlanCheckpoint.load(this, file);
    held.recapture(freezer::isFrozen);
    hooks.runAfterLoad(this, file);
  }
}
