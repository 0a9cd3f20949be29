package dev.anneal.optim;

import dev.anneal.param.EngineStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.vocabulary.Descriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bookkeeping every optimizer shares: groups with defaults, the one-group-per-parameter rule,
 * per-parameter state created on a parameter's first gradient, {@code zeroGrad}, and state
 * export/import that checks everything before changing anything. Subclasses write the math.
 *
 * <p>The step of a parameter whose values an engine keeps on its device ({@link EngineStorage})
 * runs as that engine's operations ({@link EngineUpdate}), with its state on the device; the
 * Java kernels run everything Anneal can view as memory. The storage chooses, per parameter.
 *
 * @param <S> the per-parameter state of this optimizer
 */
public abstract class AbstractOptimizer<S> implements Optimizer {
  /** State scalars that count steps or evaluations. */
  private static final java.util.Set<String> COUNTERS = java.util.Set.of("step", "func_evals", "n_iter");
  private static final double MAX_COUNT = 0x1p53;
  private final String type;
  private final Descriptor descriptor;
  private final Map<String, Object> defaults;
  private final List<ParamGroup> groups = new ArrayList<>();
  private final Map<Parameter, ParamGroup> groupOf = new IdentityHashMap<>();
  /** Group of each tensor (a parameter's {@link Parameter#tensorIdentity()}): one tensor, one group. */
  private final Map<Object, ParamGroup> groupOfTensor = new IdentityHashMap<>();
  private final Map<Parameter, S> state = new IdentityHashMap<>();
  private final Map<Parameter, EngineUpdate> engineState = new IdentityHashMap<>();

  /**
   * An optimizer described by {@code descriptor}: its defaults, overridden by {@code overrides}
   * (PyTorch names, checked by the descriptor), fill in each group, whose values the descriptor
   * checks when it joins. User-written optimizers extend this with their own descriptor.
   */
  protected AbstractOptimizer(Descriptor descriptor, Map<String, ?> overrides, List<ParamGroup> groups) {
    this(descriptor, Hyper.defaults(descriptor, overrides), groups, true);
  }

  /** {@code defaults} are already resolved from the descriptor (an optimizer deriving one, as LBFGS's max_eval). */
  protected AbstractOptimizer(Descriptor descriptor, Map<String, ?> defaults, List<ParamGroup> groups, boolean resolved) {
    this.type = Objects.requireNonNull(descriptor, "descriptor").name();
    this.descriptor = descriptor;
    this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    if (groups.isEmpty()) {
      throw new IllegalArgumentException(type + " got an empty parameter list");
    }
    for (ParamGroup group : groups) {
      addParamGroup(group);
    }
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final Map<String, Object> defaults() {
    return defaults;
  }

  @Override
  public final List<ParamGroup> paramGroups() {
    return Collections.unmodifiableList(groups);
  }

  @Override
  public void addParamGroup(ParamGroup group) {
    Objects.requireNonNull(group, "group");
    for (ParamGroup existing : groups) {
      if (existing.name().equals(group.name())) {
        throw new IllegalArgumentException("a parameter group named " + group.name() + " is already in this " + type);
      }
    }
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (Parameter p : group.params()) {
      ParamGroup owner = groupOfTensor.get(p.tensorIdentity());
      if (owner != null) {
        throw new IllegalArgumentException("parameter " + p.name() + " is already in group " + owner.name()
            + "; it cannot also be in group " + group.name() + " (a parameter belongs to one group)");
      }
      if (seen.put(p.tensorIdentity(), Boolean.TRUE) != null) {
        throw new IllegalArgumentException("parameter " + p.name() + " appears twice in group " + group.name());
      }
    }
    group.applyDefaults(defaults);
    validate(group);
    groups.add(group);
    for (Parameter p : group.params()) {
      groupOf.put(p, group);
      groupOfTensor.put(p.tensorIdentity(), group);
    }
  }

  /** {@return the descriptor of this optimizer's type} */
  public final Descriptor descriptor() {
    return descriptor;
  }

  /**
   * Checks a group's hyperparameters once defaults are filled in: by default what the descriptor
   * says; override to add rules of the optimizer itself, and throw to refuse the group.
   */
  protected void validate(ParamGroup group) {
    Hyper.check(descriptor, group);
  }

  @Override
  public void step() {
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup group = groups.get(g);
      List<Parameter> params = group.params();
      for (int i = 0; i < params.size(); i++) {
        Parameter p = params.get(i);
        FloatStorage grad = p.grad();
        if (grad == null) {
          continue;
        }
        if (p.values() instanceof EngineStorage values) {
          engineUpdate(p, group).step(group, values, engineGrad(p, values, grad));
          continue;
        }
        S s = state.get(p);
        if (s == null) {
          s = newState(p, group);
          state.put(p, s);
        }
        update(group, p, grad, s);
      }
    }
  }

  private EngineUpdate engineUpdate(Parameter p, ParamGroup group) {
    EngineUpdate update = engineState.get(p);
    if (update == null) {
      update = newEngineUpdate(p, group);
      engineState.put(p, update);
    }
    return update;
  }

  private EngineUpdate newEngineUpdate(Parameter p, ParamGroup group) {
    EngineStorage values = (EngineStorage) p.values();
    EngineUpdate update = values.ops() instanceof EngineOptimizers engine ? engine.update(type, p, group, stateLayout()) : null;
    if (update == null) {
      throw new IllegalStateException(type + " has no implementation as engine operations, and parameter " + p.name()
          + " lives on " + values.device() + " where Java cannot reach it; bind the block with BlockParameters.copying(...)"
          + " to step it on the host (values and gradient copied every step), or use an element-wise optimizer");
    }
    return update;
  }

  private static EngineStorage engineGrad(Parameter p, EngineStorage values, FloatStorage grad) {
    if (grad instanceof EngineStorage onEngine) {
      return onEngine;
    }
    throw new IllegalStateException("parameter " + p.name() + " lives on " + values.device()
        + " but its gradient was set from host memory; give it a gradient on the same device");
  }

  @Override
  public double step(Closure closure) {
    double loss = closure.evaluate();
    step();
    return loss;
  }

  @Override
  public void zeroGrad(boolean setToNone) {
    for (ParamGroup group : groups) {
      for (Parameter p : group.params()) {
        p.zeroGrad(setToNone);
      }
    }
  }

  /**
   * The state of a parameter, created with {@link #newState} if it has none yet: for optimizers
   * that keep optimizer-wide state under their first parameter, as PyTorch's LBFGS does.
   */
  protected final S stateFor(Parameter p, ParamGroup group) {
    return state.computeIfAbsent(p, key -> newState(key, group));
  }

  /** The state of a parameter, or {@code null} before its first update. */
  protected final S state(Parameter p) {
    return state.get(p);
  }

  /** The names of this optimizer's per-parameter state, or {@code null} when they are not fixed. */
  protected StateLayout stateLayout() {
    return null;
  }

  /** Creates a parameter's state at its first gradient (PyTorch's lazy state init). */
  protected abstract S newState(Parameter p, ParamGroup group);

  /** Updates one parameter from its gradient; must not allocate in steady state. */
  protected abstract void update(ParamGroup group, Parameter p, FloatStorage grad, S state);

  protected abstract OptimizerState.ParamState exportState(Parameter p, S state);

  /** Builds a parameter's state from an export; throw with a clear message if it does not fit. */
  protected abstract S importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported);

  @Override
  public OptimizerState stateDict() {
    return stateView().deepCopy();
  }

  @Override
  public OptimizerState stateView() {
    List<Map<String, Object>> groupMaps = new ArrayList<>();
    Map<String, OptimizerState.ParamState> states = new LinkedHashMap<>();
    for (ParamGroup group : groups) {
      Map<String, Object> map = new LinkedHashMap<>(group.hyperparameters());
      map.put("name", group.name());
      map.put("params", group.params().stream().map(Parameter::name).toList());
      groupMaps.add(map);
      for (Parameter p : group.params()) {
        S s = state.get(p);
        EngineUpdate onEngine = engineState.get(p);
        if (s != null) {
          states.put(p.name(), exportState(p, s));
        } else if (onEngine != null) {
          states.put(p.name(), onEngine.export());
        }
      }
    }
    return new OptimizerState(type, groupMaps, states);
  }

  @Override
  public void loadStateDict(OptimizerState saved) {
    adoptState(saved.deepCopy());
  }

  @Override
  public void adoptState(OptimizerState saved) {
    if (!type.equals(saved.type())) {
      throw new IllegalArgumentException("state is for " + saved.type() + ", this optimizer is " + type);
    }
    if (saved.groups().size() != groups.size()) {
      throw new IllegalArgumentException(
          "state has " + saved.groups().size() + " parameter groups, this optimizer has " + groups.size());
    }
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup group = groups.get(g);
      List<String> names = group.params().stream().map(Parameter::name).toList();
      Object savedNames = saved.groups().get(g).get("params");
      if (!names.equals(savedNames)) {
        throw new IllegalArgumentException("group " + group.name() + " holds parameters " + names + ", the state has " + savedNames);
      }
      group.params().forEach(p -> byName.put(p.name(), p));
    }
    for (String name : saved.state().keySet()) {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException("state has an entry for parameter " + name + ", which this optimizer does not hold");
      }
    }
    // Values a run cannot produce (betas [2, -1] in a forged file) are refused by name, as the
    // descriptor refuses them in a spec.
    List<String> problems = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      String group = groups.get(g).name();
      saved.groups().get(g).forEach((key, value) -> {
        if (!key.equals("params") && !key.equals("name") && !ParamGroup.canHold(value)) {
          // checked here, before any group changes: set() refusing half-way would leave a half-load
          problems.add("group " + group + ": " + key + " is " + value + ", which a parameter group cannot hold");
        } else if (descriptor.argument(key).isPresent()) {
          var problem = descriptor.checkOne(key, value);
          if (problem != null) {
            problems.add("group " + group + ": " + problem.message());
          }
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("state holds values no run produces: " + String.join("; ", problems));
    }
    // Build every piece first, so a bad entry leaves the optimizer as it was.
    Map<Parameter, S> restored = new IdentityHashMap<>();
    Map<Parameter, EngineUpdate> restoredOnEngine = new IdentityHashMap<>();
    for (Map.Entry<String, OptimizerState.ParamState> entry : saved.state().entrySet()) {
      Parameter p = byName.get(entry.getKey());
      if (p.values() instanceof EngineStorage) {
        EngineUpdate update = newEngineUpdate(p, groupOf.get(p));
        update.load(entry.getValue());
        restoredOnEngine.put(p, update);
      } else {
        restored.put(p, importState(p, groupOf.get(p), entry.getValue()));
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup group = groups.get(g);
      saved.groups().get(g).forEach((key, value) -> {
        if (!key.equals("params") && !key.equals("name")) {
          group.set(key, value);
        }
      });
    }
    state.clear();
    state.putAll(restored);
    engineState.clear();
    engineState.putAll(restoredOnEngine);
  }

  /** A state tensor from an export, checked against the parameter's size. */
  protected static float[] requireTensor(Parameter p, OptimizerState.ParamState exported, String key) {
    float[] values = exported.tensors().get(key);
    if (values == null) {
      throw new IllegalArgumentException("state of parameter " + p.name() + " lacks tensor " + key);
    }
    if (values.length != p.size()) {
      throw new IllegalArgumentException("state tensor " + key + " of parameter " + p.name() + " holds " + values.length
          + " values, the parameter holds " + p.size());
    }
    return values;
  }

  /** A state scalar from an export. */
  protected static double requireScalar(Parameter p, OptimizerState.ParamState exported, String key) {
    Double value = exported.scalars().get(key);
    if (value == null) {
      throw new IllegalArgumentException("state of parameter " + p.name() + " lacks scalar " + key);
    }
    // A step count of -1 or NaN would turn every weight NaN at the next step (the bias corrections).
    if (COUNTERS.contains(key) && !(value >= 0 && value <= MAX_COUNT && value == Math.rint(value))) {
      throw new IllegalArgumentException("state scalar " + key + " of parameter " + p.name() + " is " + value
          + "; a count of steps is a whole number from 0 to 2^53");
    }
    return value;
  }
}
