package dev.anneal.vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One keyword argument: its PyTorch name, Java name, kind, default (Python's None is {@code null}),
 * valid range, whether it is required or derived from the training's length, and its role.
 * Immutable; the {@code with...} methods return changed copies, so built-in tables read as
 * {@code Argument.number("lr", 1e-3).range(Range.atLeast(0))}.
 */
public final class Argument {
  private final String name;
  private final String javaName;
  private final Kind kind;
  private final Presence presence;
  private final Object defaultValue;
  private final boolean noneAllowed;
  private final boolean noneElements;
  private final Range range;
  private final List<Range> elementRanges;
  private final int arity;
  private final List<String> choices;
  private final boolean ascending;
  private final Role role;
  private final String doc;
  private final boolean lengthDerived;

  private Argument(String name, String javaName, Kind kind, Presence presence, Object defaultValue, boolean noneAllowed,
      boolean noneElements, Range range, List<Range> elementRanges, int arity, List<String> choices, boolean ascending, Role role,
      String doc, boolean lengthDerived) {
    this.name = Objects.requireNonNull(name, "name");
    this.javaName = Objects.requireNonNull(javaName, "javaName");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.presence = presence;
    this.defaultValue = defaultValue;
    this.noneAllowed = noneAllowed;
    this.noneElements = noneElements;
    this.range = range;
    this.elementRanges = List.copyOf(elementRanges);
    this.arity = arity;
    this.choices = List.copyOf(choices);
    this.ascending = ascending;
    this.role = role;
    this.doc = doc;
    this.lengthDerived = lengthDerived;
  }

  private static Argument of(String name, Kind kind, Object defaultValue) {
    Argument plain = new Argument(name, javaNameOf(name), kind, Presence.OPTIONAL, null, defaultValue == null, false, Range.ANY,
        List.of(), 0, List.of(), false, Role.HYPERPARAMETER, "", false);
    return plain.withDefault(defaultValue);
  }

  /** A float with this default ({@code null}: Python's None). */
  public static Argument number(String name, Double defaultValue) {
    return of(name, Kind.DOUBLE, defaultValue);
  }

  public static Argument integer(String name, Integer defaultValue) {
    return of(name, Kind.INT, defaultValue);
  }

  public static Argument flag(String name, Boolean defaultValue) {
    return of(name, Kind.BOOL, defaultValue);
  }

  /** A tuple of {@code defaults.length} floats, such as {@code betas=(0.9, 0.999)}. */
  public static Argument tuple(String name, Double... defaults) {
    Argument tuple = of(name, Kind.DOUBLE_TUPLE, null);
    List<Double> value = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(defaults)));
    return tuple.withArity(defaults.length).copy(tuple.presence, value, false, value.contains(null));
  }

  public static Argument ints(String name) {
    return of(name, Kind.INT_LIST, null).required();
  }

  /** A float for every group or a list with one per group. */
  public static Argument perGroup(String name, Double defaultValue) {
    return of(name, Kind.DOUBLE_OR_LIST, defaultValue);
  }

  /** One of {@code choices}; the default is the first. */
  public static Argument choice(String name, String... choices) {
    Argument choice = of(name, Kind.CHOICE, choices[0]);
    return new Argument(choice.name, choice.javaName, Kind.CHOICE, Presence.OPTIONAL, choices[0], false, false, Range.ANY, List.of(), 0,
        List.of(choices), false, Role.HYPERPARAMETER, "", false);
  }

  public static Argument string(String name, String defaultValue) {
    return of(name, Kind.STRING, defaultValue);
  }

  public static Argument tensor(String name) {
    return of(name, Kind.TENSOR, null);
  }

  public static Argument function(String name) {
    return of(name, Kind.FUNCTION, null);
  }

  /** PyTorch's implementation switch: a flag that may be None, never changing the numbers. */
  public static Argument implementation(String name, Boolean defaultValue) {
    return flag(name, defaultValue).allowNone().role(Role.IMPLEMENTATION);
  }

  /**
   * PyTorch's {@code LRScheduler} {@code last_epoch}: -1 starts the schedule; {@code k >= 0} resumes
   * it on groups that carry {@code initial_lr} (the runtime's schedulers do this for any descriptor
   * that has this argument, a user's own too).
   */
  public static Argument lastEpoch() {
    return integer("last_epoch", -1).range(Range.atLeast(-1)).role(Role.BOOKKEEPING)
        .doc("position of the last step; -1: not stepped yet, k >= 0: resume (every group needs initial_lr)");
  }

  /** {@code T_max} becomes {@code tMax}, {@code weight_decay} {@code weightDecay}, {@code T_0} {@code t0}. */
  public static String javaNameOf(String pythonName) {
    String[] parts = pythonName.replace('.', '_').split("_");
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      if (out.length() == 0) {
        out.append(part.substring(0, 1).toLowerCase(java.util.Locale.ROOT)).append(part.substring(1));
      } else {
        out.append(part.substring(0, 1).toUpperCase(java.util.Locale.ROOT)).append(part.substring(1));
      }
    }
    return out.toString();
  }

  private Argument copy(Presence presence, Object defaultValue, boolean noneAllowed, boolean noneElements) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, arity, choices,
        ascending, role, doc, lengthDerived);
  }

  private Argument withDefault(Object value) {
    Argument base = copy(presence, null, noneAllowed, noneElements);
    return value == null ? base : base.copy(presence, base.normalize(value), noneAllowed, noneElements);
  }

  /** Must be given (no default). */
  public Argument required() {
    return copy(Presence.REQUIRED, null, false, noneElements);
  }

  /** Must be given, unless the processor derives it from the training's length. */
  public Argument derivedFromLength() {
    return copy(Presence.DERIVED_FROM_LENGTH, null, false, noneElements).lengthDerived(true);
  }

  /**
   * Optional (OneCycleLR's {@code total_steps=None} has an alternative), and what the processor
   * fills in from the training's length when an annotation gives neither.
   */
  public Argument optionalFromLength() {
    return lengthDerived(true);
  }

  private Argument lengthDerived(boolean derived) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, arity, choices,
        ascending, role, doc, derived);
  }

  /** Another default ({@code null}: Python's None, which then becomes a valid value). */
  public Argument defaultsTo(Object value) {
    Argument optional = copy(Presence.OPTIONAL, null, noneAllowed || value == null, noneElements);
    return value == null ? optional : optional.copy(Presence.OPTIONAL, optional.normalize(value), optional.noneAllowed, noneElements);
  }

  /** Python's None is a valid value (the default may be something else). */
  public Argument allowNone() {
    return copy(presence, defaultValue, true, noneElements);
  }

  public Argument range(Range valid) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, valid, elementRanges, arity, choices,
        ascending, role, doc, lengthDerived);
  }

  /** Ranges per tuple element ({@code etas}: {@code (0, 1)} then {@code (1, inf)}). */
  public Argument elementRanges(Range... ranges) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, List.of(ranges), arity, choices,
        ascending, role, doc, lengthDerived);
  }

  private Argument withArity(int n) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, n, choices,
        ascending, role, doc, lengthDerived);
  }

  /** A list whose elements must be strictly increasing ({@code SequentialLR}'s milestones). */
  public Argument ascending() {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, arity, choices,
        true, role, doc, lengthDerived);
  }

  public Argument role(Role r) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, arity, choices,
        ascending, r, doc, lengthDerived);
  }

  /** A Java name other than the derived one. */
  public Argument withJavaName(String java) {
    return new Argument(name, java, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, arity, choices,
        ascending, role, doc, lengthDerived);
  }

  /** One line for docs and the README tables. */
  public Argument doc(String text) {
    return new Argument(name, javaName, kind, presence, defaultValue, noneAllowed, noneElements, range, elementRanges, arity, choices,
        ascending, role, text, lengthDerived);
  }

  /** PyTorch's name, the key in specs, JSON and param groups. */
  public String name() {
    return name;
  }

  /** The name of the typed DSL's setter. */
  public String javaName() {
    return javaName;
  }

  public Kind kind() {
    return kind;
  }

  public Presence presence() {
    return presence;
  }

  /** Whether the argument has a default (which may be None). */
  public boolean hasDefault() {
    return presence == Presence.OPTIONAL;
  }

  /** The normalized default; {@code null} is Python's None (or no default, see {@link #hasDefault}). */
  public Object defaultValue() {
    return defaultValue;
  }

  public boolean noneAllowed() {
    return noneAllowed;
  }

  /** Whether tuple elements may be None (Adafactor's {@code eps=(None, 1e-3)}). */
  public boolean noneElements() {
    return noneElements;
  }

  public Range range() {
    return range;
  }

  /** The range of element {@code i} of a tuple or list. */
  public Range range(int i) {
    return i < elementRanges.size() ? elementRanges.get(i) : range;
  }

  public List<Range> elementRanges() {
    return elementRanges;
  }

  /** A tuple's length; 0 for other kinds. */
  public int arity() {
    return arity;
  }

  public List<String> choices() {
    return choices;
  }

  public boolean isAscending() {
    return ascending;
  }

  public Role role() {
    return role;
  }

  public String doc() {
    return doc;
  }

  /** Whether the processor derives this argument from the training's length when it is left out. */
  public boolean isDerivedFromLength() {
    return lengthDerived;
  }

  /**
   * Why {@code value} is not valid for this argument ("must be in [0, 1), was 1.5"), or
   * {@code null} when it is. {@code null} is Python's None.
   */
  public String problem(Object value) {
    if (value == null) {
      return noneAllowed ? null : "must not be None";
    }
    switch (kind) {
      case DOUBLE:
        return value instanceof Number n ? rangeProblem(range, n.doubleValue(), value) : wrongKind(value);
      case INT: {
        if (!isWhole(value)) {
          return wrongKind(value);
        }
        return rangeProblem(range, ((Number) value).doubleValue(), value);
      }
      case BOOL:
        return value instanceof Boolean ? null : wrongKind(value);
      case CHOICE:
        return value instanceof String s && choices.contains(s) ? null : "must be one of " + quoted(choices) + ", was " + Values.show(value);
      case STRING:
        return value instanceof String ? null : wrongKind(value);
      case DOUBLE_TUPLE: {
        List<Object> items = elements(value);
        if (items == null || items.stream().anyMatch(v -> v == null ? !noneElements : !(v instanceof Number))) {
          return wrongKind(value) ;
        }
        if (arity > 0 && items.size() != arity) {
          return "must be a tuple of " + arity + " numbers, was " + Values.show(value);
        }
        return elementProblems(items, value);
      }
      case INT_LIST: {
        List<Object> items = elements(value);
        if (items == null || items.stream().anyMatch(v -> !isWhole(v))) {
          return wrongKind(value);
        }
        String problem = elementProblems(items, value);
        if (problem == null && ascending) {
          for (int i = 1; i < items.size(); i++) {
            if (((Number) items.get(i)).doubleValue() <= ((Number) items.get(i - 1)).doubleValue()) {
              return "must be increasing, was " + Values.show(value);
            }
          }
        }
        return problem;
      }
      case DOUBLE_OR_LIST: {
        if (value instanceof Number n) {
          return rangeProblem(range, n.doubleValue(), value);
        }
        List<Object> items = elements(value);
        if (items == null || items.isEmpty() || items.stream().anyMatch(v -> !(v instanceof Number))) {
          return wrongKind(value);
        }
        return elementProblems(items, value);
      }
      case FUNCTION:
        return value instanceof Number || value instanceof Boolean || value instanceof String
            ? "must be " + kind.description() + (doc.isEmpty() ? "" : " (" + doc + ")") + ", which JSON cannot hold; was "
                + Values.show(value)
            : null;
      case TENSOR:
      default:
        return value instanceof Number || value instanceof Boolean || value instanceof String ? wrongKind(value) : null;
    }
  }

  /**
   * The canonical Java value of a valid {@code value}: Double, Integer, Boolean, String, an
   * unmodifiable {@code List<Double>} or {@code List<Integer>}, or the object itself (tensor, function).
   */
  public Object normalize(Object value) {
    if (value == null) {
      return null;
    }
    switch (kind) {
      case DOUBLE:
        return ((Number) value).doubleValue();
      case INT:
        return ((Number) value).intValue();
      case DOUBLE_TUPLE:
        return doubles(elements(value));
      case INT_LIST: {
        List<Integer> out = new ArrayList<>();
        for (Object item : elements(value)) {
          out.add(((Number) item).intValue());
        }
        return Collections.unmodifiableList(out);
      }
      case DOUBLE_OR_LIST:
        return value instanceof Number n ? (Object) n.doubleValue() : doubles(elements(value));
      default:
        return value;
    }
  }

  private static List<Double> doubles(List<Object> items) {
    List<Double> out = new ArrayList<>();
    for (Object item : items) {
      out.add(item == null ? null : ((Number) item).doubleValue());
    }
    return Collections.unmodifiableList(out);
  }

  private String elementProblems(List<Object> items, Object whole) {
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item == null) {
        continue;
      }
      Range r = range(i);
      double v = ((Number) item).doubleValue();
      if (!r.contains(v)) {
        return (items.size() > 1 ? "element " + i + " " : "") + "must be in " + r + ", was " + Values.show(whole);
      }
    }
    return null;
  }

  private static String rangeProblem(Range r, double v, Object value) {
    return r.contains(v) ? null : "must be in " + r + ", was " + Values.show(value);
  }

  private String wrongKind(Object value) {
    String wanted = kind == Kind.DOUBLE_TUPLE && arity > 0 ? "a tuple of " + arity + " numbers" : kind.description();
    return "must be " + wanted + ", was " + Values.show(value);
  }

  private static boolean isWhole(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return true;
    }
    return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE;
  }

  /** The elements of a list or Java array, or null when the value is neither. */
  static List<Object> elements(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    List<Object> out = new ArrayList<>();
    if (value instanceof double[] a) {
      for (double v : a) {
        out.add(v);
      }
    } else if (value instanceof float[] a) {
      for (float v : a) {
        out.add((double) v);
      }
    } else if (value instanceof int[] a) {
      for (int v : a) {
        out.add(v);
      }
    } else if (value instanceof long[] a) {
      for (long v : a) {
        out.add(v);
      }
    } else if (value instanceof Object[] a) {
      out.addAll(Arrays.asList(a));
    } else {
      return null;
    }
    return out;
  }

  private static String quoted(List<String> choices) {
    return String.join(", ", choices.stream().map(c -> "'" + c + "'").toList());
  }

  /** A value of this argument as Python writes it: tuples in parentheses, None, True, 'cos'. */
  public String show(Object value) {
    String text = Values.show(value);
    if (kind == Kind.DOUBLE_TUPLE && text.startsWith("[")) {
      return "(" + text.substring(1, text.length() - 1) + ")";
    }
    return text;
  }

  @Override
  public String toString() {
    return name + ": " + kind + (hasDefault() ? " = " + Values.show(defaultValue) : " (" + presence + ")");
  }
}
