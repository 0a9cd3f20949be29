package dev.anneal.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Values that probe one argument: its default, the edges of its range and just past them, each
 * choice and a wrong one, None, and a value of the wrong kind. Tests feed these to the runtime and
 * the processor and check that both give the descriptor's verdict ({@link Argument#problem}).
 */
public final class Probes {
  private Probes() {}

  /** A step just past an edge: the next double for floats, 1 for integers. */
  private static double past(Kind kind, double edge, double direction) {
    if (kind == Kind.INT || kind == Kind.INT_LIST) {
      return edge + direction;
    }
    return direction > 0 ? Math.nextUp(edge) : Math.nextDown(edge);
  }

  private static List<Double> edges(Kind kind, Range r) {
    List<Double> out = new ArrayList<>();
    if (!Double.isInfinite(r.min())) {
      out.add(r.min());
      out.add(past(kind, r.min(), r.minInclusive() ? -1 : 1));
      if (!r.minInclusive()) {
        out.add(past(kind, r.min(), 1));
      }
    }
    if (!Double.isInfinite(r.max())) {
      out.add(r.max());
      out.add(past(kind, r.max(), r.maxInclusive() ? 1 : -1));
    }
    return out;
  }

  /** The probe values of {@code a} (may include None as {@code null}). */
  public static List<Object> of(Argument a) {
    List<Object> out = new ArrayList<>();
    if (a.hasDefault()) {
      out.add(a.defaultValue());
    }
    out.add(null);
    switch (a.kind()) {
      case DOUBLE -> {
        out.addAll(edges(a.kind(), a.range()));
        out.add(1);
        out.add("x");
      }
      case INT -> {
        for (double e : edges(a.kind(), a.range())) {
          out.add((int) e);
        }
        out.add(2.5);
        out.add(true);
      }
      case BOOL -> {
        out.add(true);
        out.add(false);
        out.add(1);
      }
      case CHOICE -> {
        out.addAll(a.choices());
        out.add(a.choices().get(0) + "x");
      }
      case DOUBLE_TUPLE -> {
        List<Object> base = new ArrayList<>(a.defaultValue() instanceof List<?> l ? l : Collections.nCopies(Math.max(1, a.arity()), 0.5));
        for (int i = 0; i < base.size(); i++) {
          for (double e : edges(a.kind(), a.range(i))) {
            List<Object> copy = new ArrayList<>(base);
            copy.set(i, e);
            out.add(Collections.unmodifiableList(copy));
          }
        }
        out.add(List.of(0.5));
        out.add(0.5);
      }
      case INT_LIST -> {
        out.add(List.of());
        out.add(List.of(2, 5));
        out.add(List.of(5, 2));
        out.add(List.of(-1));
        out.add(List.of(1.5));
        out.add(3);
      }
      case DOUBLE_OR_LIST -> {
        out.addAll(edges(Kind.DOUBLE, a.range()));
        out.add(0.05);
        out.add(List.of(0.05));
        out.add(List.of());
        out.add("x");
      }
      case STRING -> {
        out.add("x");
        out.add(1);
      }
      default -> out.add(1);
    }
    return Collections.unmodifiableList(new ArrayList<>(new java.util.LinkedHashSet<>(out)));
  }
}
