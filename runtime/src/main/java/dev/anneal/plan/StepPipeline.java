package dev.anneal.plan;

import dev.anneal.freeze.Freezer;
import dev.anneal.grad.Clipping;
import dev.anneal.grad.GradientClipping;
import dev.anneal.grad.NonFiniteGradientException;
import dev.anneal.grad.NonFiniteGradients;
import dev.anneal.optim.Closure;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.Momentum;
import dev.anneal.schedule.StagedSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimizer step of a plan, whoever drives it (the plan's own {@code afterBackward}, Anneal's
 * {@code TrainingLoop}, DJL's {@code Trainer} through the adapter): hooks, the non-finite check,
 * clipping, each group's lr times its freeze re-warmup and step warmup for this step only, the
 * optimizer's step, zeroing, step-interval schedules, listeners, then the groups due to unfreeze.
 * The epoch protocol around it stays in {@link TrainingPlan}.
 */
final class StepPipeline {
  private final TrainingPlan plan;
  private final Optimizer optimizer;
  private final List<PlanGroup> groups;
  private final Freezer freezer;
  private final HeldBuffers held;
  private final Clipping clipping;
  private final TrainingClock clock;
  private final PlanHooks hooks;
  private final List<TrainingPlan.ActiveSchedule> schedules;
  private final List<PlanListener> listeners;
  /** Parameters of the groups not frozen right now; recomputed when freezing changes. */
  private List<Parameter> trainable = List.of();
  private List<String> names = List.of();

  StepPipeline(TrainingPlan plan, Optimizer optimizer, List<PlanGroup> groups, Freezer freezer, HeldBuffers held,
      Clipping clipping, TrainingClock clock, PlanHooks hooks, List<TrainingPlan.ActiveSchedule> schedules,
      List<PlanListener> listeners) {
    this.plan = plan;
    this.optimizer = optimizer;
    this.groups = groups;
    this.freezer = freezer;
    this.held = held;
    this.clipping = clipping;
    this.clock = clock;
    this.hooks = hooks;
    this.schedules = schedules;
    this.listeners = listeners;
  }

  List<Parameter> trainable() {
    return trainable;
  }

  /** After a backward pass: frozen groups' gradients dropped, held buffers written back. */
  void afterBackward() {
    freezer.dropFrozenGradients();
    held.restore();
  }

  /** Checks, clips and steps; with a closure, the closure clips after each evaluation. */
  StepOutcome step(Closure closure) {
    hooks.runBeforeStep(plan, trainable);
    // With clipping by a 1-, 2- or max-norm, the norm itself reveals a NaN or infinity (double
    // accumulation cannot overflow on finite floats), which saves a pass over the gradients.
    double normType = clipping instanceof Clipping.ByNorm byNorm ? byNorm.normType() : Double.NaN;
    boolean normReveals = closure == null && (normType == 1 || normType == 2 || normType == Double.POSITIVE_INFINITY);
    double totalNorm = normReveals ? GradientClipping.totalNorm(trainable, normType) : Double.NaN;
    Parameter bad = normReveals && Double.isFinite(totalNorm) ? null : NonFiniteGradients.first(trainable);
    if (bad != null) {
      String reason = "non-finite gradient " + NonFiniteGradients.describeFirst(trainable) + " at step " + clock.step();
      // Skipped or raised, the window is discarded alike, so the plan goes on (and saves) after either.
      optimizer.zeroGrad(true);
      clock.stepSkipped();
      for (PlanListener listener : listeners) {
        listener.onSkippedStep(clock, reason + ": step skipped, nothing updated");
      }
      if (clipping != null && clipping.errorIfNonfinite()) {
        throw new NonFiniteGradientException(reason + " (the plan clips with errorIfNonfinite = true); the window's "
            + "gradients were discarded and nothing was updated, so training can go on with the next batch");
      }
      return StepOutcome.SKIPPED_NON_FINITE;
    }
    if (normReveals) {
      GradientClipping.scaleToMaxNorm(trainable, ((Clipping.ByNorm) clipping).maxNorm(), totalNorm);
    } else if (clipping != null && closure == null) {
      clipping.apply(trainable);
    }
    long index = clock.step();
    applyStepLrs(index);
    try {
      if (closure == null) {
        optimizer.step();
      } else {
        optimizer.step(closure);
      }
    } finally {
      restoreScheduledLrs();
    }
    hooks.runAfterStep(plan, trainable);
    optimizer.zeroGrad(true);
    // The momentum this step used, read before a schedule that cycles it (OneCycleLR) moves it.
    double[] momenta = listeners.isEmpty() ? null : momenta();
    clock.stepTaken();
    for (TrainingPlan.ActiveSchedule active : schedules) {
      if (active.planned().interval() == Interval.STEP) {
        active.scheduler().step();
        if (active.scheduler() instanceof StagedSchedule staged && staged.stageBegins()) {
          GroupSource stage = staged.stageGroups();
          for (int g = 0; g < stage.size(); g++) {
            resetState(stage.get(g));
          }
        }
      }
    }
    if (momenta != null) {
      double[] lrs = new double[groups.size()];
      for (int g = 0; g < groups.size(); g++) {
        lrs[g] = groups.get(g).usedLr;
      }
      StepReport report = new StepReport(index, clock.epoch(), groupNames(), lrs, momenta);
      for (PlanListener listener : listeners) {
        listener.onStep(report);
      }
    }
    applyFreezing();
    return StepOutcome.STEPPED;
  }

  /** The groups' names, rebuilt only when a group was added. */
  private List<String> groupNames() {
    if (names.size() != groups.size()) {
      names = groups.stream().map(PlanGroup::name).toList();
    }
    return names;
  }

  /**
   * Each group's lr for this step: the scheduled lr times its re-warmup and step-warmup factors
   * and its {@code lr_scale} (or, from an absolute warmup start, the warmup's lr times the others),
   * and the momentum a step warmup gives it.
   */
  private void applyStepLrs(long index) {
    for (int g = 0; g < groups.size(); g++) {
      PlanGroup group = groups.get(g);
      group.scheduledLr = group.params.lr();
      if (group.warmsFromAbsoluteLr()) {
        double factor = freezer.lrFactor(g, index) * group.lrScale;
        double warmed = group.stepWarmup.lr(index, group.scheduledLr);
        group.usedLr = factor == 1.0 ? warmed : warmed * factor;
      } else {
        double factor = freezer.lrFactor(g, index) * group.stepWarmupFactor(index) * group.lrScale;
        group.usedLr = factor == 1.0 ? group.scheduledLr : group.scheduledLr * factor;
      }
      if (group.usedLr != group.scheduledLr) {
        group.params.setLr(group.usedLr);
      }
      group.usedMomentum = Double.NaN;
      if (group.stepWarmup != null && group.stepWarmup.warmsMomentum()) {
        group.scheduledMomentum = momentum(group.params);
        group.usedMomentum = group.stepWarmup.momentum(index, group.scheduledMomentum);
        Momentum.write(group.params, group.usedMomentum);
      }
    }
  }

  /** Re-warmup scales only the lr this step uses; the schedules keep their own view. */
  private void restoreScheduledLrs() {
    for (PlanGroup group : groups) {
      if (group.usedLr != group.scheduledLr) {
        group.params.setLr(group.scheduledLr);
      }
      if (!Double.isNaN(group.usedMomentum)) {
        Momentum.write(group.params, group.scheduledMomentum);
      }
    }
  }

  /** The group's {@code momentum}, or {@code betas[0]}; refuses an optimizer with neither. */
  private static double momentum(ParamGroup group) {
    if (!Momentum.supported(group)) {
      throw new IllegalStateException("group " + group.name() + " has a step warmup of momentum (warmup_momentum), but its "
          + "optimizer has neither momentum nor betas; leave warmup_momentum out");
    }
    return Momentum.read(group);
  }

  private double[] momenta() {
    double[] momenta = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup group = groups.get(g).params;
      if (!Double.isNaN(groups.get(g).usedMomentum)) {
        momenta[g] = groups.get(g).usedMomentum;
      } else if (group.has(ParamGroup.MOMENTUM) && group.get(ParamGroup.MOMENTUM) instanceof Number n) {
        momenta[g] = n.doubleValue();
      } else if (group.has(ParamGroup.BETAS) && group.get(ParamGroup.BETAS) instanceof double[] betas) {
        momenta[g] = betas[0];
      } else {
        momenta[g] = Double.NaN;
      }
    }
    return momenta;
  }

  /** Unfreezes the groups due at the clock's position (resetting their state if configured). */
  void applyFreezing() {
    List<ParamGroup> thawed = freezer.update(clock.epoch(), clock.step());
    if (thawed.isEmpty()) {
      return;
    }
    for (ParamGroup group : thawed) {
      int g = indexOf(group);
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

  private int indexOf(ParamGroup group) {
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).params == group) {
        return g;
      }
    }
    throw new IllegalStateException("group " + group.name() + " is not in the plan");
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

  /** Recomputes the trainable parameters after freezing changed. */
  void refreshTrainable() {
    List<Parameter> list = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      for (Parameter p : groups.get(g).params.params()) {
        if (!freezer.isFrozen(g, p)) {
          list.add(p);
        }
      }
    }
    trainable = List.copyOf(list);
  }
}
