package dev.anneal.optim;

import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PyTorch's {@code param_group}: parameters plus hyperparameters under their PyTorch names
 * ({@code lr}, {@code weight_decay}, {@code betas}, ...). Values set on the group override the
 * optimizer's defaults, which fill in whatever the group leaves out when it joins an optimizer.
 *
 * <p>Values are numbers ({@code double}), tuples ({@code double[]}, such as {@code betas}; a
 * tuple holding None, as Adafactor's {@code eps}, stays a {@code List}),
 * booleans, integers, strings or {@code null}. Numbers and tuples are stored in mutable slots, so
 * a scheduler writing {@code lr} or {@code betas[0]} every step allocates nothing.
 */
public final class ParamGroup {
  /** {@code lr}, the learning rate. */
  public static final String LR = "lr";
  /** {@code initial_lr}, the lr a scheduler started from. */
  public static final String INITIAL_LR = "initial_lr";
  /** {@code weight_decay}. */
  public static final String WEIGHT_DECAY = "weight_decay";
  /** {@code momentum}. */
  public static final String MOMENTUM = "momentum";
  /** {@code betas}, a tuple. */
  public static final String BETAS = "betas";
  /**
   * The name part of a group's parameters split off without weight decay, {@code <group>.no_decay}
   * (a plan's {@code noDecay}); schedules that treat a layer group as one (fastai's) read it.
   */
  public static final String NO_DECAY_PART = "no_decay";

  private final String name;
  private final List<Parameter> params;
  private final Map<String, Object> values = new LinkedHashMap<>();

  /**
   * A group with no hyperparameters of its own yet.
   *
   * @param name the group's name, unique within an optimizer
   * @param params its parameters (copied)
   */
  public ParamGroup(String name, List<Parameter> params) {
    this.name = Objects.requireNonNull(name, "name");
    this.params = List.copyOf(params);
  }

  /**
   * A group of the parameters {@code source} holds now.
   *
   * @param name the group's name, unique within an optimizer
   * @param source a model part's parameters
   * @return the group
   */
  public static ParamGroup of(String name, ParameterSource source) {
    return new ParamGroup(name, source.parameters());
  }

  /** {@return the group's name} */
  public String name() {
    return name;
  }

  /** {@return the group's parameters} */
  public List<Parameter> params() {
    return params;
  }

  /**
   * Sets a hyperparameter and returns this group, for building: {@code .with("lr", 1e-4)}.
   *
   * @param key the PyTorch name
   * @param value the value, as {@link #set(String, Object)} takes it
   * @return this group
   */
  public ParamGroup with(String key, Object value) {
    set(key, value);
    return this;
  }

  /**
   * Whether the group holds a value for {@code key} (None included).
   *
   * @param key the PyTorch name
   * @return whether it does
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * The value as PyTorch would show it: a Double, a fresh double[] for tuples, or as stored.
   *
   * @param key the PyTorch name
   * @return the value
   * @throws IllegalArgumentException when the group has no such hyperparameter
   */
  public Object get(String key) {
    return exported(require(key));
  }

  /**
   * A number.
   *
   * @param key the PyTorch name
   * @return the value
   * @throws IllegalArgumentException when the group has no such hyperparameter or it is not a number
   */
  public double getDouble(String key) {
    Object value = require(key);
    if (value instanceof Slot slot) {
      return slot.value;
    }
    throw wrongType(key, value, "a number");
  }

  /**
   * One element of a tuple hyperparameter, such as {@code getDouble("betas", 0)}.
   *
   * @param key the PyTorch name
   * @param index the element, 0-based
   * @return the element
   * @throws IllegalArgumentException when the group has no such hyperparameter or it is not a tuple
   */
  public double getDouble(String key, int index) {
    Object value = require(key);
    if (value instanceof double[] tuple) {
      return tuple[index];
    }
    throw wrongType(key, value, "a tuple");
  }

  /**
   * A tuple.
   *
   * @param key the PyTorch name
   * @return a copy of the tuple
   * @throws IllegalArgumentException when the group has no such hyperparameter or it is not a tuple
   */
  public double[] getTuple(String key) {
    Object value = require(key);
    if (value instanceof double[] tuple) {
      return tuple.clone();
    }
    throw wrongType(key, value, "a tuple");
  }

  /**
   * A flag.
   *
   * @param key the PyTorch name
   * @return the value
   * @throws IllegalArgumentException when the group has no such hyperparameter or it is not a boolean
   */
  public boolean getBoolean(String key) {
    Object value = require(key);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(key, value, "a boolean");
  }

  /**
   * An integer (a whole number stored as a number counts).
   *
   * @param key the PyTorch name
   * @return the value
   * @throws IllegalArgumentException when the group has no such hyperparameter or it is not an integer
   */
  public int getInt(String key) {
    Object value = require(key);
    if (value instanceof Integer number) {
      return number;
    }
    if (value instanceof Slot slot && slot.value == Math.rint(slot.value)) {
      return (int) slot.value;
    }
    throw wrongType(key, value, "an integer");
  }

  /**
   * Writes a number in place (no allocation once the key exists).
   *
   * @param key the PyTorch name
   * @param value the number
   */
  public void set(String key, double value) {
    Object current = values.get(key);
    if (current instanceof Slot slot) {
      slot.value = value;
    } else {
      values.put(key, new Slot(value));
    }
  }

  /**
   * Writes one element of a tuple in place, such as {@code set("betas", 0, 0.95)}.
   *
   * @param key the PyTorch name of a tuple the group holds
   * @param index the element, 0-based
   * @param value the number
   * @throws IllegalArgumentException when the group has no such hyperparameter or it is not a tuple
   */
  public void set(String key, int index, double value) {
    Object current = require(key);
    if (!(current instanceof double[] tuple)) {
      throw wrongType(key, current, "a tuple");
    }
    tuple[index] = value;
  }

  /** Whether a group can hold this value: a number, a tuple of numbers (None allowed in it), a boolean, a string or null. */
  public static boolean canHold(Object value) {
    return value == null || value instanceof Number || value instanceof Boolean || value instanceof String
        || value instanceof double[] || value instanceof List<?> list && list.stream().allMatch(v -> v == null || v instanceof Number);
  }

  /**
   * Sets any value; numbers become mutable slots, arrays are copied.
   *
   * @param key the PyTorch name
   * @param value a number, a tuple ({@code double[]} or a list of numbers), a boolean, an integer, a string or
   *     {@code null} (None)
   * @throws IllegalArgumentException for a value of another type
   */
  public void set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (value instanceof Number && !(value instanceof Integer)) { // Double, Long, and a JSON BigInteger alike
      set(key, ((Number) value).doubleValue());
    } else if (value instanceof double[] tuple) {
      values.put(key, tuple.clone());
    } else if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
      values.put(key, list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
    } else if (value instanceof List<?> list && list.stream().allMatch(v -> v == null || v instanceof Number)) {
      // A tuple with None in it, such as Adafactor's eps=(None, 1e-3): kept as the list.
      values.put(key, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list)));
    } else if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof String) {
      values.put(key, value);
    } else {
      throw new IllegalArgumentException(
          "hyperparameter " + key + " of group " + name + " must be a number, tuple, boolean, integer, string or null, was "
              + value.getClass().getSimpleName());
    }
  }

  /**
   * Removes a hyperparameter, so that the optimizer's default applies again when it joins.
   *
   * @param key the PyTorch name
   */
  public void remove(String key) {
    values.remove(key);
  }

  /** {@return the learning rate} */
  public double lr() {
    return getDouble(LR);
  }

  /**
   * Sets the learning rate.
   *
   * @param lr the learning rate
   */
  public void setLr(double lr) {
    set(LR, lr);
  }

  /** {@return the lr a scheduler started from ({@code initial_lr}), or the current lr if none has started} */
  public double initialLr() {
    return has(INITIAL_LR) ? getDouble(INITIAL_LR) : lr();
  }

  /**
   * PyTorch's {@code setdefault}: fills each key the group does not set from {@code defaults}.
   *
   * @param defaults values by PyTorch name
   */
  public void applyDefaults(Map<String, ?> defaults) {
    defaults.forEach((key, value) -> {
      if (!values.containsKey(key)) {
        set(key, value);
      }
    });
  }

  /** {@return a snapshot of every hyperparameter as PyTorch shows it (numbers as Double, tuples as double[])} */
  public Map<String, Object> hyperparameters() {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((key, value) -> copy.put(key, exported(value)));
    return Collections.unmodifiableMap(copy);
  }

  private Object require(String key) {
    Object value = values.get(key);
    if (value == null && !values.containsKey(key)) {
      throw new IllegalArgumentException("group " + name + " has no hyperparameter " + key + "; it has " + values.keySet());
    }
    return value;
  }

  private IllegalArgumentException wrongType(String key, Object value, String wanted) {
    return new IllegalArgumentException(
        "hyperparameter " + key + " of group " + name + " is not " + wanted + ", it is " + exported(value));
  }

  private static Object exported(Object value) {
    if (value instanceof Slot slot) {
      return slot.value;
    }
    if (value instanceof double[] tuple) {
      return tuple.clone();
    }
    return value;
  }

  @Override
  public String toString() {
    return "ParamGroup[" + name + ", " + params.size() + " params, " + hyperparameters() + "]";
  }

  /** A mutable number, so that per-step writes do not box. */
  private static final class Slot {
    double value;

    Slot(double value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }
}
