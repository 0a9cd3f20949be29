package dev.anneal.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A descriptor's arguments after checking: every argument present, with the value given or its
 * default, normalized as {@link Argument#normalize} says (None is {@code null}). Arguments that
 * are required but derived from the training's length, and were not given, are absent.
 */
public final class Values {
  private final Descriptor descriptor;
  private final Map<String, Object> values;
  private final Set<String> given;

  Values(Descriptor descriptor, Map<String, Object> values, Set<String> given) {
    this.descriptor = descriptor;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.given = Set.copyOf(given);
  }

  public Descriptor descriptor() {
    return descriptor;
  }

  /** {@return every argument by PyTorch name, in the descriptor's order (None as null)} */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Whether the caller gave this argument (rather than it taking its default). */
  public boolean given(String name) {
    return given.contains(name);
  }

  /** Whether the argument has a value that is not None. */
  public boolean has(String name) {
    return values.get(name) != null;
  }

  public Object get(String name) {
    known(name);
    return values.get(name);
  }

  public double number(String name) {
    return ((Number) require(name)).doubleValue();
  }

  public int integer(String name) {
    return ((Number) require(name)).intValue();
  }

  public boolean flag(String name) {
    return (Boolean) require(name);
  }

  public String string(String name) {
    return (String) require(name);
  }

  /** A tuple or list of numbers (a single number of a per-group argument is a list of one). */
  @SuppressWarnings("unchecked")
  public List<Double> numbers(String name) {
    Object value = require(name);
    return value instanceof Number n ? List.of(n.doubleValue()) : (List<Double>) value;
  }

  /** A list of integers as an array ({@code milestones}). */
  @SuppressWarnings("unchecked")
  public int[] ints(String name) {
    return ((List<Integer>) require(name)).stream().mapToInt(Integer::intValue).toArray();
  }

  private Object require(String name) {
    Object value = get(name);
    if (value == null) {
      throw new IllegalStateException(descriptor.name() + " " + name + " is None");
    }
    return value;
  }

  private void known(String name) {
    if (descriptor.argument(name).isEmpty()) {
      throw new IllegalArgumentException(descriptor.name() + " has no argument " + name);
    }
  }

  /** A value as Python would print it: None, True, (0.9, 0.999), 'cos'. */
  public static String show(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Double d && d.isInfinite()) {
      return d > 0 ? "inf" : "-inf";
    }
    List<Object> items = value instanceof Number ? null : Argument.elements(value);
    if (items != null) {
      StringBuilder text = new StringBuilder(value instanceof List<?> ? "[" : "(");
      for (int i = 0; i < items.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(show(items.get(i)));
      }
      return text.append(value instanceof List<?> ? "]" : ")").toString();
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return descriptor.name() + values;
  }
}
