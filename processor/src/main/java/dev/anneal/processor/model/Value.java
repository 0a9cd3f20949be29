package dev.anneal.processor.model;

import java.util.List;

/**
 * A keyword argument's value as the model holds it and generated code passes it: a number, a
 * whole number, a flag, a word, a tuple of numbers ({@code betas}), a list of whole numbers
 * ({@code milestones}), Python's {@code None}, a length derived from the training ({@link Count})
 * or a user's function class ({@link FunctionRef}).
 */
public sealed interface Value permits Value.Real, Value.Whole, Value.Flag, Value.Word, Value.Reals, Value.Wholes,
    Value.Tensor, Value.None, Count, FunctionRef {

  /** A floating-point number, such as {@code lr}. */
  record Real(double value) implements Value {}

  /** A whole number, such as {@code step_size}. */
  record Whole(long value) implements Value {}

  /** {@code True} or {@code False}. */
  record Flag(boolean value) implements Value {}

  /** A word, such as {@code anneal_strategy='cos'}. */
  record Word(String value) implements Value {}

  /** A tuple of numbers, such as {@code betas=(0.9, 0.999)}. */
  record Reals(List<Double> values) implements Value {
    public Reals {
      values = List.copyOf(values);
    }
  }

  /** A list of whole numbers, such as {@code milestones=[30, 60]}. */
  record Wholes(List<Long> values) implements Value {
    public Wholes {
      values = List.copyOf(values);
    }

    public long last() {
      return values.isEmpty() ? 0 : values.get(values.size() - 1);
    }

    /** The largest value (the last one, when they are in order). */
    public long max() {
      return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Whether each value is larger than the one before. */
    public boolean increasing() {
      for (int i = 1; i < values.size(); i++) {
        if (values.get(i) <= values.get(i - 1)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A tensor of two or more dimensions given as nested lists, such as a loss's per-sample
   * {@code weight=[[1.0], [2.0]]}: the rows, each a {@code Double} or a nested row, rectangular.
   */
  record Tensor(List<Object> rows) implements Value {
    public Tensor {
      rows = List.copyOf(rows);
    }

    /** The shape, read along the first elements (the rows were checked to be rectangular). */
    public List<Integer> shape() {
      List<Integer> shape = new java.util.ArrayList<>();
      Object level = rows;
      while (level instanceof List<?> list) {
        shape.add(list.size());
        level = list.isEmpty() ? null : list.get(0);
      }
      return shape;
    }

    /** The shape as PyTorch prints it: {@code (2, 1)}. */
    public String showShape() {
      List<Integer> shape = shape();
      return "(" + String.join(", ", shape.stream().map(String::valueOf).toList()) + (shape.size() == 1 ? ",)" : ")");
    }

    /** Nested lists of Doubles from nested lists of numbers; null when ragged or not all numbers. */
    static Tensor of(List<?> nested) {
      Object rows = doubles(nested);
      if (!(rows instanceof List<?> list)) {
        return null;
      }
      Tensor tensor = new Tensor(new java.util.ArrayList<>(list));
      return rectangular(tensor.rows, tensor.shape(), 0) ? tensor : null;
    }

    private static Object doubles(Object item) {
      if (item instanceof Number n) {
        return n.doubleValue();
      }
      if (item instanceof List<?> list) {
        List<Object> out = new java.util.ArrayList<>();
        for (Object inner : list) {
          Object converted = doubles(inner);
          if (converted == null) {
            return null;
          }
          out.add(converted);
        }
        return List.copyOf(out);
      }
      return null;
    }

    private static boolean rectangular(Object level, List<Integer> shape, int depth) {
      if (depth == shape.size()) {
        return level instanceof Double;
      }
      if (!(level instanceof List<?> list) || list.size() != shape.get(depth)) {
        return false;
      }
      return list.stream().allMatch(item -> rectangular(item, shape, depth + 1));
    }
  }

  /** Python's {@code None}: the argument's "not set" (PyTorch's default for {@code foreach}, {@code fused}, ...). */
  enum None implements Value {
    NONE
  }

  static Value of(double value) {
    return new Real(value);
  }

  static Value of(long value) {
    return new Whole(value);
  }

  static Value of(boolean value) {
    return new Flag(value);
  }

  /**
   * The model's value of a Java value as the vocabulary normalizes arguments: {@code null} (None),
   * Double, Integer or Long, Boolean, String, a list of Doubles (a tuple) or of Integers.
   */
  static Value ofJava(Object java) {
    if (java == null) {
      return None.NONE;
    }
    if (java instanceof Double d) {
      return new Real(d);
    }
    if (java instanceof Integer || java instanceof Long) {
      return new Whole(((Number) java).longValue());
    }
    if (java instanceof Boolean b) {
      return new Flag(b);
    }
    if (java instanceof String word) {
      return new Word(word);
    }
    if (java instanceof List<?> list && list.stream().allMatch(item -> item instanceof Integer || item instanceof Long)) {
      return new Wholes(list.stream().map(item -> ((Number) item).longValue()).toList());
    }
    if (java instanceof List<?> list && list.stream().allMatch(item -> item instanceof Number)) {
      return new Reals(list.stream().map(item -> ((Number) item).doubleValue()).toList());
    }
    if (java instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(List.class::isInstance)) {
      Tensor tensor = Tensor.of(list);
      if (tensor != null) {
        return tensor;
      }
    }
    throw new IllegalArgumentException("no model value for " + java);
  }

  /**
   * The Java value the vocabulary checks (the inverse of {@link #ofJava}), or {@code this} for a
   * {@link Count} or {@link FunctionRef}, which only the generated code turns into a value.
   */
  default Object toJava() {
    if (this instanceof Real real) {
      return real.value();
    }
    if (this instanceof Whole whole) {
      return whole.value() == (int) whole.value() ? (Object) (int) whole.value() : (Object) whole.value();
    }
    if (this instanceof Flag flag) {
      return flag.value();
    }
    if (this instanceof Word word) {
      return word.value();
    }
    if (this instanceof Reals reals) {
      return reals.values();
    }
    if (this instanceof Wholes wholes) {
      return wholes.values().stream().map(Long::intValue).toList();
    }
    if (this instanceof Tensor tensor) {
      return tensor.rows();
    }
    return this instanceof None ? null : this;
  }

  /** {@return the number this value holds, for a {@link Real}, a {@link Whole} or a {@link Count} without a per-epoch part} */
  default double number() {
    if (this instanceof Real real) {
      return real.value();
    }
    if (this instanceof Whole whole) {
      return whole.value();
    }
    if (this instanceof Count count && count.perEpoch() == 0) {
      return count.constant();
    }
    throw new IllegalStateException("not a number: " + this);
  }

  /** {@return whether {@link #number()} has an answer} */
  default boolean isNumber() {
    return this instanceof Real || this instanceof Whole || this instanceof Count count && count.perEpoch() == 0;
  }

  /** For messages, as a user writes it: 3 rather than 3.0, lists in braces, None. */
  default String show() {
    if (this instanceof Real real) {
      return showNumber(real.value());
    }
    if (this instanceof Whole whole) {
      return Long.toString(whole.value());
    }
    if (this instanceof Flag flag) {
      return Boolean.toString(flag.value());
    }
    if (this instanceof Word word) {
      return word.value();
    }
    if (this instanceof Reals reals) {
      return "{" + String.join(", ", reals.values().stream().map(Value::showNumber).toList()) + "}";
    }
    if (this instanceof Wholes wholes) {
      return "{" + String.join(", ", wholes.values().stream().map(String::valueOf).toList()) + "}";
    }
    if (this instanceof Tensor tensor) {
      return showRows(tensor.rows());
    }
    if (this instanceof Count count) {
      return count.describe("steps");
    }
    if (this instanceof FunctionRef ref) {
      return ref.type().getQualifiedName().toString();
    }
    return "None";
  }

  /** Nested rows as a user writes them in a {@code @Kwarg}: {@code [[1, 2], [3, 4]]}. */
  private static String showRows(Object level) {
    if (level instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(Value::showRows).toList()) + "]";
    }
    return showNumber(((Number) level).doubleValue());
  }

  /** A double as a user writes it: 3 rather than 3.0. */
  static String showNumber(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
