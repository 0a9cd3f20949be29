package dev.anneal.vocabulary;

/**
 * The valid values of a number: a lower and an upper bound, each inclusive or exclusive, written
 * as in maths: {@code [0, 1)}, {@code (0, inf)}. Applies to each element of tuples and lists.
 *
 * @param min the lower bound ({@code -inf} for none)
 * @param minInclusive whether {@code min} itself is valid
 * @param max the upper bound ({@code inf} for none)
 * @param maxInclusive whether {@code max} itself is valid
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
  /** Every value: no check. */
  public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

  /**
   * The range {@code [min, inf)}.
   *
   * @param min the lower bound
   * @return the range
   */
  public static Range atLeast(double min) {
    return new Range(min, true, Double.POSITIVE_INFINITY, false);
  }

  /**
   * The range {@code (min, inf)}.
   *
   * @param min the lower bound
   * @return the range
   */
  public static Range above(double min) {
    return new Range(min, false, Double.POSITIVE_INFINITY, false);
  }

  /**
   * The range {@code (-inf, max]}.
   *
   * @param max the upper bound
   * @return the range
   */
  public static Range atMost(double max) {
    return new Range(Double.NEGATIVE_INFINITY, false, max, true);
  }

  /**
   * The range {@code [min, max]}.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range
   */
  public static Range closed(double min, double max) {
    return new Range(min, true, max, true);
  }

  /**
   * The range {@code [min, max)}.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range
   */
  public static Range closedOpen(double min, double max) {
    return new Range(min, true, max, false);
  }

  /**
   * The range {@code (min, max]}.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range
   */
  public static Range openClosed(double min, double max) {
    return new Range(min, false, max, true);
  }

  /**
   * The range {@code (min, max)}.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range
   */
  public static Range open(double min, double max) {
    return new Range(min, false, max, false);
  }

  /**
   * Whether {@code value} is in the range (NaN never is).
   *
   * @param value the value
   * @return whether it is in the range
   */
  public boolean contains(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax;
  }

  /** {@return whether the range holds every value} */
  public boolean isAny() {
    return min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY;
  }

  /** {@return {@code [0, 1)}, {@code (0, inf)}} */
  @Override
  public String toString() {
    return (minInclusive ? "[" : "(") + show(min) + ", " + show(max) + (maxInclusive ? "]" : ")");
  }

  static String show(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
