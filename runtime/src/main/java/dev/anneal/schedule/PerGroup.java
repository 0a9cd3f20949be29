package dev.anneal.schedule;

import dev.anneal.vocabulary.Values;
import java.util.List;

/**
 * A hyperparameter given once for all groups or once per group ({@code max_lr}, {@code min_lr}).
 * A group beyond the list (one that joined during training) gets the {@code fallback} the
 * scheduler derives from the group's own lr.
 */
public record PerGroup(String scheduler, String key, double scalar, List<Double> values) {
  /** The resolved argument {@code key} of a scheduler (a number or a list of numbers). */
  @SuppressWarnings("unchecked")
  public static PerGroup of(Values args, String key) {
    Object value = args.get(key);
    String type = args.descriptor().name();
    if (value instanceof Number n) {
      return new PerGroup(type, key, n.doubleValue(), null);
    }
    return new PerGroup(type, key, Double.NaN, List.copyOf((List<Double>) value));
  }

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
