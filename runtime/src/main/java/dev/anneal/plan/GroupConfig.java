package dev.anneal.plan;

import dev.anneal.freeze.FreezeRule;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.warmup.StepWarmup;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one group overrides: hyperparameters under PyTorch names, its freezing, and a schedule of
 * its own. Used inside {@code .group("head", model.head, g -> g.set("lr", 1e-3).freezeUntilEpoch(2))}.
 */
public final class GroupConfig {
  private final String name;
  private final Map<String, Object> overrides = new LinkedHashMap<>();
  private final Set<String> overrideTypes = new LinkedHashSet<>();
  private Integer freezeUntilEpoch;
  private Long freezeUntilStep;
  private UnfreezePolicy onUnfreeze = UnfreezePolicy.KEEP_STATE;
  private int rewarmupSteps;
  private BatchNormPolicy batchNorm = BatchNormPolicy.TRAIN;
  private boolean trainNorm;
  private final List<Split> splits = new ArrayList<>();
  private LayerDecay layerDecay;

  /** Parameters a rule takes out into the group {@code <name>.<suffix>}, configured further by {@code configure}. */
  record Split(String suffix, ParamRule rule, Consumer<GroupConfig> configure) {}

  /** Layer-wise lr decay inside the group: the lr of layer {@code i} is scaled by {@code decay^(top - i)}. */
  record LayerDecay(double decay, LayerIndex index, LrScale scale) {}
  /** timm's {@code lr_scale} of a part made by {@link LrScale#SCHEDULED_LR}, 1 otherwise. */
  private double lrScale = 1.0;
  private PlannedSchedule schedule;
  private StepWarmup stepWarmup;
  private Double lrFactor;

  GroupConfig(String name) {
    this.name = name;
  }

  /** The group's name (the field it came from, in generated code). */
  public String name() {
    return name;
  }

  /** Overrides one of the optimizer's hyperparameters for this group: {@code set("lr", 1e-4)}. */
  public GroupConfig set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, () -> "group " + name + ": value of " + key + " is null");
    overrides.put(key, value);
    return this;
  }

  /**
   * Overrides the optimizer's hyperparameters for this group with a typed spec of the plan's
   * optimizer: {@code g.set(AdamW.spec().weightDecay(0.0).betas(0.9, 0.95))}. The plan refuses it
   * when its optimizer is of another type.
   */
  public GroupConfig set(SpecSource typed) {
    Spec spec = Objects.requireNonNull(typed, "typed").toSpec();
    overrideTypes.add(spec.type());
    spec.kwargs().forEach(this::set);
    return this;
  }

  /** {@code set("lr", lr)}: this group's learning rate. */
  public GroupConfig lr(double lr) {
    return set(ParamGroup.LR, lr);
  }

  /** {@code set("weight_decay", weightDecay)}: this group's weight decay (0 for biases and norms). */
  public GroupConfig weightDecay(double weightDecay) {
    return set(ParamGroup.WEIGHT_DECAY, weightDecay);
  }

  /**
   * Takes the parameters {@code rule} matches out of this group into a group of their own named
   * {@code <name>.<suffix>}, which starts with every setting of this one (lr, freezing, schedule)
   * and then applies {@code configure}: {@code g.split("embeddings", ParamRule.names("*.embed*"), s -> s.lr(1e-5))}.
   * Splits are tried in the order given; a parameter goes to the first that matches. A part that
   * ends up empty is left out.
   */
  public GroupConfig split(String suffix, ParamRule rule, Consumer<GroupConfig> configure) {
    Objects.requireNonNull(suffix, "suffix");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(configure, "configure");
    if (suffix.isBlank() || suffix.contains(".")) {
      throw new IllegalArgumentException("group " + name + ": a split's suffix must be non-blank and without dots, was \"" + suffix + "\"");
    }
    for (Split existing : splits) {
      if (existing.suffix().equals(suffix)) {
        throw new IllegalArgumentException("group " + name + " already has a split " + suffix);
      }
    }
    splits.add(new Split(suffix, rule, configure));
    return this;
  }

  /**
   * No weight decay for the parameters {@code rule} takes, in the group {@code <name>.no_decay}:
   * {@code g.noDecay(ParamRule.biasAndNorm())} is timm's {@code param_groups_weight_decay}.
   */
  public GroupConfig noDecay(ParamRule rule) {
    return split(NO_DECAY, rule, s -> s.weightDecay(0.0));
  }

  /**
   * Inside a split's {@code configure}: the part's lr is the lr of the group it splits from times
   * {@code factor}, as detectron2's {@code BIAS_LR_FACTOR} ({@code lr = base_lr * bias_lr_factor}):
   * {@code g.split("bias", ParamRule.bias(), s -> s.lrFactor(2.0).weightDecay(0.0))}. With layer
   * decay, the factor multiplies the layer's lr. A group that is not a split's part refuses it.
   */
  public GroupConfig lrFactor(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("group " + name + ": lrFactor must be positive and finite, was " + factor);
    }
    lrFactor = factor;
    return this;
  }

  Double lrFactorValue() {
    return lrFactor;
  }

  /** The suffix of {@link #noDecay}'s group. */
  public static final String NO_DECAY = ParamGroup.NO_DECAY_PART;

  /**
   * Layer-wise lr decay inside this group, timm's {@code param_groups_layer_decay}: each parameter's
   * layer is read from its name by {@code index} (-1: the top layer); with {@code top} the largest
   * layer found, the parameters of layer {@code i} form the group {@code <name>.layer_<i>} whose lr is
   * this group's lr times {@code decay^(top - i)}. Combined with {@link #noDecay}, each layer splits
   * again ({@code <name>.layer_<i>.no_decay}), as timm's {@code layer_<i>_no_decay}.
   */
  public GroupConfig layerDecay(double decay, LayerIndex index) {
    return layerDecay(decay, index, LrScale.BASE_LR);
  }

  /**
   * {@link #layerDecay(double, LayerIndex)} with the layer's factor applied as {@code scale} says:
   * {@link LrScale#BASE_LR} scales each part's lr (the schedule's absolute values, such as
   * {@code eta_min}, stay absolute per part); {@link LrScale#SCHEDULED_LR} is timm's and MAE's
   * {@code lr_scale}: every part keeps this group's lr, the schedule computes one lr per step and
   * each part's step uses it times the layer's factor, so floors and warmup starts scale too.
   */
  public GroupConfig layerDecay(double decay, LayerIndex index, LrScale scale) {
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("group " + name + ": layerDecay must be in (0, 1], was " + decay);
    }
    layerDecay = new LayerDecay(decay, Objects.requireNonNull(index, "index"), Objects.requireNonNull(scale, "scale"));
    return this;
  }

  /** A part's {@code lr_scale} (set by {@link GroupSplitter}). */
  void lrScale(double scale) {
    lrScale = scale;
  }

  double lrScale() {
    return lrScale;
  }

  List<Split> splits() {
    return Collections.unmodifiableList(splits);
  }

  LayerDecay layerDecayRule() {
    return layerDecay;
  }

  /** This configuration under another name, without splits or layer decay (for the parts of a split group). */
  GroupConfig copyAs(String newName) {
    GroupConfig copy = new GroupConfig(newName);
    copy.overrides.putAll(overrides);
    copy.overrideTypes.addAll(overrideTypes);
    copy.freezeUntilEpoch = freezeUntilEpoch;
    copy.freezeUntilStep = freezeUntilStep;
    copy.onUnfreeze = onUnfreeze;
    copy.rewarmupSteps = rewarmupSteps;
    copy.schedule = schedule;
    copy.stepWarmup = stepWarmup;
    copy.batchNorm = batchNorm;
    copy.trainNorm = trainNorm;
    return copy;
  }

  /** Frozen (no gradient, no update, no state change) while fewer than {@code epoch} epochs have ended. */
  public GroupConfig freezeUntilEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("group " + name + ": freezeUntilEpoch must be at least 0, was " + epoch);
    }
    freezeUntilEpoch = epoch;
    return this;
  }

  /** Frozen while fewer than {@code step} optimizer steps have been taken. */
  public GroupConfig freezeUntilStep(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("group " + name + ": freezeUntilStep must be at least 0, was " + step);
    }
    freezeUntilStep = step;
    return this;
  }

  /** What happens to the group's optimizer state when it unfreezes (default: keep it). */
  public GroupConfig onUnfreeze(UnfreezePolicy policy) {
    onUnfreeze = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * What the group's buffers (BatchNorm's running statistics) do while it is frozen: keep following
   * the data ({@link BatchNormPolicy#TRAIN}, the default, as PyTorch, fastai and Lightning do) or
   * stay as they were ({@link BatchNormPolicy#HOLD}, Lightning's {@code train_bn=False}).
   */
  public GroupConfig frozenBatchNorm(BatchNormPolicy policy) {
    batchNorm = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * While the group is frozen, its normalization-layer parameters ({@link ParamRule#normLayers()},
   * by {@code Parameter.moduleType()}) keep training, with the group's lr and weight decay, and
   * only the rest is frozen: fastai's {@code train_bn=True}, its default, which keeps the
   * BatchNorm of a frozen pretrained body trainable. Off by default: PyTorch's
   * {@code module.requires_grad_(False)} freezes every parameter. Needs a freeze
   * ({@link #freezeUntilEpoch} or {@link #freezeUntilStep}) and the default
   * {@link BatchNormPolicy#TRAIN}: norm layers that train do not hold their running statistics.
   * {@code onUnfreeze(RESET_STATE)} clears the whole group's optimizer state as it thaws, the norm
   * layers' too, as fastai's {@code clear_state} does when {@code fine_tune} unfreezes.
   */
  public GroupConfig trainNorm(boolean train) {
    trainNorm = train;
    return this;
  }

  boolean trainsNorm() {
    return trainNorm;
  }

  BatchNormPolicy batchNormPolicy() {
    return batchNorm;
  }

  /**
   * After unfreezing, ramps this group's lr linearly over its first {@code steps} optimizer steps:
   * the k-th step after unfreezing (k = 1, 2, ...) uses {@code min(1, k / steps)} times the
   * scheduled lr. The schedule itself is not touched.
   */
  public GroupConfig rewarmup(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("group " + name + ": rewarmup steps must be at least 0, was " + steps);
    }
    rewarmupSteps = steps;
    return this;
  }

  /** A schedule for this group alone; the plan-wide schedule then leaves this group out. */
  public GroupConfig schedule(SpecSource spec, Interval interval) {
    schedule = new PlannedSchedule(Objects.requireNonNull(spec, "spec").toSpec(), null, interval);
    return this;
  }

  /** A schedule of your own for this group alone. */
  public GroupConfig schedule(CustomSchedule custom, Interval interval) {
    schedule = new PlannedSchedule(null, Objects.requireNonNull(custom, "custom"), interval);
    return this;
  }

  /** The optimizer types of typed overrides ({@link #set(SpecSource)}). */
  Set<String> overrideTypes() {
    return Collections.unmodifiableSet(overrideTypes);
  }

  /**
   * A warmup counted in optimizer steps whose factor multiplies this group's scheduled lr
   * (see {@link StepWarmup}); replaces the plan's {@code stepWarmup} for this group.
   */
  public GroupConfig stepWarmup(SpecSource warmup) {
    StepWarmup own = StepWarmup.of(warmup.toSpec());
    if (own.holdsAfter()) {
      throw new IllegalArgumentException("group " + name + ": hold_after delays the plan-wide schedules, so it belongs to the "
          + "plan's stepWarmup(...), not a group's");
    }
    stepWarmup = own;
    return this;
  }

  StepWarmup ownStepWarmup() {
    return stepWarmup;
  }

  Map<String, Object> overrides() {
    return Collections.unmodifiableMap(overrides);
  }

  PlannedSchedule plannedSchedule() {
    return schedule;
  }

  /** The freeze rule, or {@code null} when the group is never frozen. */
  FreezeRule freezeRule() {
    if (freezeUntilEpoch != null && freezeUntilStep != null) {
      throw new IllegalArgumentException("group " + name + " sets both freezeUntilEpoch(" + freezeUntilEpoch
          + ") and freezeUntilStep(" + freezeUntilStep + "); choose one");
    }
    if (freezeUntilEpoch == null && freezeUntilStep == null) {
      if (rewarmupSteps > 0 || onUnfreeze != UnfreezePolicy.KEEP_STATE) {
        throw new IllegalArgumentException("group " + name + " sets what happens on unfreeze but is never frozen; "
            + "add freezeUntilEpoch(...) or freezeUntilStep(...)");
      }
      if (batchNorm != BatchNormPolicy.TRAIN) {
        throw new IllegalArgumentException("group " + name + " sets frozenBatchNorm(" + batchNorm + ") but is never frozen; "
            + "add freezeUntilEpoch(...) or freezeUntilStep(...)");
      }
      if (trainNorm) {
        throw new IllegalArgumentException("group " + name + " sets trainNorm(true) but is never frozen, so its norm layers "
            + "train anyway; add freezeUntilEpoch(...) or freezeUntilStep(...), or drop trainNorm");
      }
      return null;
    }
    if (trainNorm && batchNorm == BatchNormPolicy.HOLD) {
      throw new IllegalArgumentException("group " + name + " sets trainNorm(true) with frozenBatchNorm(HOLD): norm layers "
          + "that train cannot hold their running statistics; drop one of them");
    }
    FreezeRule rule = freezeUntilEpoch != null
        ? FreezeRule.untilEpoch(freezeUntilEpoch, onUnfreeze == UnfreezePolicy.RESET_STATE, rewarmupSteps)
        : FreezeRule.untilStep(freezeUntilStep, onUnfreeze == UnfreezePolicy.RESET_STATE, rewarmupSteps);
    return rule.withTrainNorm(trainNorm);
  }
}
