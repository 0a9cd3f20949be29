package dev.anneal.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and normalizes hyperparameters when a group joins an optimizer. */
final class Hyper {
  private Hyper() {}

  /**
   * PyTorch keyword arguments that choose an implementation ({@code foreach}, {@code fused}, ...)
   * and never change the numbers: accepted, so a pasted PyTorch configuration works, and ignored.
   */
  static final java.util.Set<String> IMPLEMENTATION_FLAGS = java.util.Set.of("foreach", "fused", "capturable", "differentiable");

  /** The optimizer's defaults under PyTorch names, overridden by the user's keyword arguments. */
  static Map<String, Object> merge(Map<String, Object> defaults, Map<String, ?> overrides, String type) {
    Map<String, Object> merged = new LinkedHashMap<>(defaults);
    overrides.forEach((key, value) -> {
      if (IMPLEMENTATION_FLAGS.contains(key)) {
        if (value != null && !(value instanceof Boolean)) {
          throw new IllegalArgumentException(type + " keyword argument " + key + " must be true, false or null, was " + value);
        }
        return;
      }
      if (!defaults.containsKey(key)) {
        throw new IllegalArgumentException(type + " has no keyword argument " + key + "; it takes " + defaults.keySet());
      }
      merged.put(key, value);
    });
    return merged;
  }

  /**
   * Makes {@code key} a number slot (an integer such as {@code lr=1} from JSON becomes 1.0, so the
   * per-step read is a plain double) and returns it.
   */
  static double number(ParamGroup group, String key) {
    Object value = group.get(key);
    if (value instanceof Integer i) {
      group.set(key, (double) i);
      return i;
    }
    if (value instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException(
        "hyperparameter " + key + " of group " + group.name() + " must be a number, was " + value);
  }

  /** A tuple of {@code length} numbers, such as {@code betas}. */
  static double[] tuple(ParamGroup group, String key, int length) {
    Object value = group.get(key);
    if (!(value instanceof double[] tuple) || tuple.length != length) {
      throw new IllegalArgumentException("hyperparameter " + key + " of group " + group.name() + " must be a tuple of "
          + length + " numbers, was " + (value instanceof double[] t ? java.util.Arrays.toString(t) : value));
    }
    return tuple;
  }

  static boolean flag(ParamGroup group, String key) {
    Object value = group.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("hyperparameter " + key + " of group " + group.name() + " must be true or false, was " + value);
  }

  /** PyTorch's range checks, with the group named. */
  static void check(boolean ok, ParamGroup group, String what, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("Invalid " + what + ": " + value + " (group " + group.name() + ")");
    }
  }

  static void nonNegative(ParamGroup group, String key, String what) {
    double v = number(group, key);
    check(v >= 0, group, what, v);
  }

  static void betas(ParamGroup group) {
    double[] betas = tuple(group, "betas", 2);
    check(betas[0] >= 0 && betas[0] < 1, group, "beta parameter at index 0", betas[0]);
    check(betas[1] >= 0 && betas[1] < 1, group, "beta parameter at index 1", betas[1]);
  }

  /** An Adam-style optimizer's {@code eps}, {@code betas} and {@code weight_decay}, in PyTorch's order. */
  static void moments(ParamGroup group) {
    nonNegative(group, "eps", "epsilon value");
    betas(group);
    nonNegative(group, "weight_decay", "weight_decay value");
  }

  /** {@code nesterov} is a flag, and true only with a momentum and zero dampening (SGD's rule). */
  static void nesterov(ParamGroup group) {
    if (flag(group, "nesterov") && (group.getDouble("momentum") <= 0 || group.getDouble("dampening") != 0)) {
      throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening (group " + group.name() + ")");
    }
  }

  /** An ordered map from alternating keys and values, for an optimizer's defaults. */
  static Map<String, Object> defaults(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
