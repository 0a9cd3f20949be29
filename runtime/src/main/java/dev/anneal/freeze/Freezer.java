package dev.anneal.freeze;

import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Carries out the freeze rules of a plan's groups. A frozen group's parameters do not require
 * gradients (engine bindings pass that on to the engine) and any gradient they get anyway is
 * dropped before the optimizer steps, so the optimizer neither updates them nor touches their
 * state, unlike {@code lr = 0}, which still moves momentum and applies decoupled weight decay.
 *
 * <p>A rule with {@link FreezeRule#trainNorm()} leaves the group's normalization-layer parameters
 * trainable while the rest of it is frozen (fastai's {@code train_bn}): those parameters keep their
 * gradients and are stepped with the group's hyperparameters, so whether a parameter is frozen is
 * answered per parameter ({@link #isFrozen(int, Parameter)}).
 */
public final class Freezer {
  private final List<ParamGroup> groups;
  private final List<FreezeRule> rules;
  /** Which parameters belong to a normalization layer, for rules with {@code trainNorm}. */
  private final Predicate<Parameter> normLayer;
  private boolean[] frozen;
  /** Optimizer step count at which each group last unfroze, or -1 if it never did. */
  private long[] unfrozeAtStep;

  /** {@code rules.get(i)} is the rule of {@code groups.get(i)}, {@code null} for a group never frozen. */
  public Freezer(List<ParamGroup> groups, List<FreezeRule> rules) {
    this(groups, rules, p -> false);
  }

  /**
   * {@code normLayer} tells the normalization-layer parameters that a rule with
   * {@link FreezeRule#trainNorm()} keeps training.
   */
  public Freezer(List<ParamGroup> groups, List<FreezeRule> rules, Predicate<Parameter> normLayer) {
    this.normLayer = Objects.requireNonNull(normLayer, "normLayer");
    if (groups.size() != rules.size()) {
      throw new IllegalArgumentException(groups.size() + " groups but " + rules.size() + " freeze rules");
    }
    this.groups = new ArrayList<>(groups);
    this.rules = new ArrayList<>(rules);
    this.frozen = new boolean[groups.size()];
    this.unfrozeAtStep = new long[groups.size()];
    java.util.Arrays.fill(unfrozeAtStep, -1);
  }

  /**
   * Freezes and unfreezes groups as their rules say for this position; returns the groups that
   * have just unfrozen (so the caller can apply their unfreeze policy).
   */
  public List<ParamGroup> update(int epoch, long step) {
    return update(epoch, step, true);
  }

  /**
   * The first {@link #update} of a plan being built: freezes as the rules say without dropping
   * gradients. A host that builds the plan after a backward pass (DJL's trainer, where the blocks
   * get their arrays only then) keeps that batch's gradients for a restored freeze state, and the
   * step drops frozen groups' gradients anyway.
   */
  public void start(int epoch, long step) {
    update(epoch, step, false);
  }

  private List<ParamGroup> update(int epoch, long step, boolean dropGradients) {
    List<ParamGroup> thawed = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      FreezeRule rule = rules.get(g);
      boolean shouldFreeze = rule != null && rule.frozenAt(epoch, step);
      if (shouldFreeze && !frozen[g]) {
        frozen[g] = true;
        setRequiresGrad(g, dropGradients);
      } else if (!shouldFreeze && frozen[g]) {
        frozen[g] = false;
        unfrozeAtStep[g] = step;
        setRequiresGrad(g, dropGradients);
        thawed.add(groups.get(g));
      }
    }
    return thawed;
  }

  /** A group added during training, with its rule ({@code null}: never frozen); applied at the next update. */
  public void addGroup(ParamGroup group, FreezeRule rule) {
    groups.add(group);
    rules.add(rule);
    frozen = java.util.Arrays.copyOf(frozen, groups.size());
    unfrozeAtStep = java.util.Arrays.copyOf(unfrozeAtStep, groups.size());
    unfrozeAtStep[groups.size() - 1] = -1;
  }

  /** {@return how many groups this freezer carries out rules for} */
  public int size() {
    return groups.size();
  }

  /**
   * Whether the group is frozen now. Under a rule with {@link FreezeRule#trainNorm()} its
   * normalization-layer parameters train even so: ask {@link #isFrozen(int, Parameter)} per parameter.
   */
  public boolean isFrozen(int groupIndex) {
    return frozen[groupIndex];
  }

  /**
   * Whether {@code parameter}, one of group {@code groupIndex}'s, is frozen now: the group is
   * frozen and the parameter is not a normalization-layer parameter its rule keeps training.
   */
  public boolean isFrozen(int groupIndex, Parameter parameter) {
    if (!frozen[groupIndex]) {
      return false;
    }
    FreezeRule rule = rules.get(groupIndex);
    return rule == null || !rule.trainNorm() || !normLayer.test(parameter);
  }

  /** The rule of a group, or {@code null}. */
  public FreezeRule rule(int groupIndex) {
    return rules.get(groupIndex);
  }

  /** Drops every gradient of the frozen groups. */
  public void dropFrozenGradients() {
    for (int g = 0; g < groups.size(); g++) {
      if (frozen[g]) {
        for (Parameter p : groups.get(g).params()) {
          if (isFrozen(g, p) && p.grad() != null) {
            p.setGrad(null);
          }
        }
      }
    }
  }

  /**
   * The re-warmup factor of a group for the optimizer step with index {@code step} (0-based, the
   * number of steps taken before it): {@code min(1, k / rewarmupSteps)} for the k-th step since
   * the group unfroze, 1 without re-warmup.
   */
  public double lrFactor(int groupIndex, long step) {
    FreezeRule rule = rules.get(groupIndex);
    if (rule == null || rule.rewarmupSteps() == 0 || unfrozeAtStep[groupIndex] < 0) {
      return 1.0;
    }
    long k = step - unfrozeAtStep[groupIndex] + 1;
    return k >= rule.rewarmupSteps() ? 1.0 : (double) k / rule.rewarmupSteps();
  }

  /** {@return runtime state (which groups are frozen, when each unfroze), for checkpoints} */
  public Map<String, Object> stateDict() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("frozen", frozen[g]);
      entry.put("unfroze_at_step", unfrozeAtStep[g]);
      map.put(groups.get(g).name(), entry);
    }
    return map;
  }

  /** Restores {@link #stateDict()}; checks everything before changing anything. */
  public void loadStateDict(Map<String, ?> state) {
    boolean[] newFrozen = new boolean[groups.size()];
    long[] newUnfroze = new long[groups.size()];
    if (!state.keySet().equals(groupNames())) {
      throw new IllegalArgumentException("freeze state covers groups " + state.keySet() + ", the plan has " + groupNames());
    }
    for (int g = 0; g < groups.size(); g++) {
      Object entry = state.get(groups.get(g).name());
      if (!(entry instanceof Map<?, ?> map) || !(map.get("frozen") instanceof Boolean f)
          || !(map.get("unfroze_at_step") instanceof Number n)) {
        throw new IllegalArgumentException("freeze state of group " + groups.get(g).name() + " is malformed: " + entry);
      }
      newFrozen[g] = f;
      newUnfroze[g] = n.longValue();
    }
    for (int g = 0; g < groups.size(); g++) {
      frozen[g] = newFrozen[g];
      unfrozeAtStep[g] = newUnfroze[g];
      setRequiresGrad(g, false); // gradients belong to the batch in flight
    }
  }

  private java.util.Set<String> groupNames() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    groups.forEach(g -> names.add(g.name()));
    return names;
  }

  /** Each parameter of group {@code g} requires gradients unless it is frozen now. */
  private void setRequiresGrad(int g, boolean dropGradients) {
    for (Parameter p : groups.get(g).params()) {
      boolean requiresGrad = !isFrozen(g, p);
      p.setRequiresGrad(requiresGrad);
      if (!requiresGrad && dropGradients) {
        p.setGrad(null);
      }
    }
  }
}
