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
  public static final String LR = "lr";
  public static final String INITIAL_LR = "initial_lr";
  public static final String WEIGHT_DECAY = "weight_decay";
  public static final String MOMENTUM = "momentum";
  public static final String BETAS = "betas";

  private final String name;
  private final List<Parameter> params;
  private final Map<String, Object> values = new LinkedHashMap<>();

  public ParamGroup(String name, List<Parameter> params) {
    this.name = Objects.requireNonNull(name, "name");
    this.params = List.copyOf(params);
  }

  public static ParamGroup of(String name, ParameterSource source) {
    return new ParamGroup(name, source.parameters());
  }

  public String name() {
    return name;
  }

  public List<Parameter> params() {
    return params;
  }

  /** Sets a hyperparameter and returns this group, for building: {@code .with("lr", 1e-4)}. */
  public ParamGroup with(String key, Object value) {
    set(key, value);
    return this;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The value as PyTorch would show it: a Double, a fresh double[] for tuples, or as stored. */
  public Object get(String key) {
    return exported(require(key));
  }

  public double getDouble(String key) {
    Object value = require(key);
    if (value instanceof Slot slot) {
      return slot.value;
    }
    throw wrongType(key, value, "a number");
  }

  /** One element of a tuple hyperparameter, such as {@code getDouble("betas", 0)}. */
  public double getDouble(String key, int index) {
    Object value = require(key);
    if (value instanceof double[] tuple) {
      return tuple[index];
    }
    throw wrongType(key, value, "a tuple");
  }

  public double[] getTuple(String key) {
    Object value = require(key);
    if (value instanceof double[] tuple) {
      return tuple.clone();
    }
    throw wrongType(key, value, "a tuple");
  }

  public boolean getBoolean(String key) {
    Object value = require(key);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(key, value, "a boolean");
  }

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

  /** Writes a number in place (no allocation once the key exists). */
  public void set(String key, double value) {
    Object current = values.get(key);
    if (current instanceof Slot slot) {
      slot.value = value;
    } else {
      values.put(key, new Slot(value));
    }
  }

  /** Writes one element of a tuple in place, such as {@code set("betas", 0, 0.95)}. */
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

  /** Sets any value; numbers become mutable slots, arrays are copied. */
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

  public void remove(String key) {
    values.remove(key);
  }

  public double lr() {
    return getDouble(LR);
  }

  public void setLr(double lr) {
    set(LR, lr);
  }

  /** The lr a scheduler started from ({@code initial_lr}), or the current lr if none has started. */
  public double initialLr() {
    return has(INITIAL_LR) ? getDouble(INITIAL_LR) : lr();
  }

  /** PyTorch's {@code setdefault}: fills each key the group does not set from {@code defaults}. */
  public void applyDefaults(Map<String, ?> defaults) {
    defaults.forEach((key, value) -> {
      if (!values.containsKey(key)) {
        set(key, value);
      }
    });
  }

  /** A snapshot of every hyperparameter as PyTorch shows it (numbers as Double, tuples as double[]). */
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
