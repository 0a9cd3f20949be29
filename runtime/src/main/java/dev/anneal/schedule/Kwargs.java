package dev.anneal.schedule;

import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scheduler spec's keyword arguments, read with PyTorch's names and defaults; unknown names and
 * wrong types are refused with a message naming the scheduler and the argument.
 */
public final class Kwargs {
  private final Spec spec;

  private Kwargs(Spec spec) {
    this.spec = spec;
  }

  /** Checks that the spec uses only {@code allowed} names ({@code verbose} is always accepted and ignored). */
  public static Kwargs of(Spec spec, String... allowed) {
    Set<String> names = Set.of(allowed);
    for (String key : spec.kwargs().keySet()) {
      if (!names.contains(key) && !key.equals("verbose")) {
        throw new IllegalArgumentException(spec.type() + " has no argument " + key + "; it takes " + List.of(allowed));
      }
    }
    Object lastEpoch = spec.get("last_epoch");
    if (lastEpoch != null && ((Number) lastEpoch).intValue() != -1) {
      throw new IllegalArgumentException(spec.type() + " last_epoch=" + lastEpoch
          + " is not supported: build the scheduler with last_epoch=-1 and resume with loadStateDict");
    }
    return new Kwargs(spec);
  }

  public String type() {
    return spec.type();
  }

  public boolean has(String key) {
    return spec.get(key) != null;
  }

  public double getDouble(String key, double fallback) {
    Object value = spec.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw wrong(key, value, "a number");
  }

  public double requireDouble(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(spec.type() + " needs argument " + key);
    }
    return getDouble(key, 0);
  }

  public int getInt(String key, int fallback) {
    Object value = spec.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    throw wrong(key, value, "an integer");
  }

  public int requireInt(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(spec.type() + " needs argument " + key);
    }
    return getInt(key, 0);
  }

  public boolean getBoolean(String key, boolean fallback) {
    Object value = spec.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrong(key, value, "a boolean");
  }

  public String getString(String key, String fallback) {
    Object value = spec.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String text) {
      return text;
    }
    throw wrong(key, value, "a string");
  }

  /** A list of integers ({@code milestones}). */
  public int[] requireInts(String key) {
    Object value = spec.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(spec.type() + " needs argument " + key + " as a list of integers, was " + value);
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw wrong(key, value, "a list of integers");
      }
      out[i] = n.intValue();
    }
    return out;
  }

  /** A number or a list of numbers (one per group), such as {@code max_lr} or {@code min_lr}. */
  public PerGroup perGroup(String key, Double fallback) {
    Object value = spec.get(key);
    if (value == null) {
      if (fallback == null) {
        throw new IllegalArgumentException(spec.type() + " needs argument " + key);
      }
      return new PerGroup(spec.type(), key, fallback, null);
    }
    if (value instanceof Number number) {
      return new PerGroup(spec.type(), key, number.doubleValue(), null);
    }
    if (value instanceof List<?> list) {
      List<Double> values = new ArrayList<>();
      for (Object v : list) {
        if (!(v instanceof Number n)) {
          throw wrong(key, value, "a number or a list of numbers");
        }
        values.add(n.doubleValue());
      }
      return new PerGroup(spec.type(), key, Double.NaN, values);
    }
    throw wrong(key, value, "a number or a list of numbers");
  }

  private IllegalArgumentException wrong(String key, Object value, String wanted) {
    return new IllegalArgumentException(spec.type() + " argument " + key + " must be " + wanted + ", was " + value);
  }

  /**
   * A hyperparameter given once for all groups or once per group. A group beyond the list (one
   * that joined during training) gets {@code fallback}, which the scheduler derives from the
   * group's own lr.
   */
  public record PerGroup(String scheduler, String key, double scalar, List<Double> values) {
    public boolean isList() {
      return values != null;
    }

    /** The value for group {@code g}; a list must cover exactly the groups present at construction. */
    public double get(int g, double fallback) {
      if (values == null) {
        return scalar;
      }
      return g < values.size() ? values.get(g) : fallback;
    }

    public void checkSize(int groups) {
      if (values != null && values.size() != groups) {
        throw new IllegalArgumentException("expected " + groups + " values for " + key + " of " + scheduler + ", got " + values.size());
      }
    }
  }
}
