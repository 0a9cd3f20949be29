package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;
import java.util.List;

/**
 * One keyword argument's value, as generated code will pass it: a {@link Double}, {@link Integer},
 * {@link Boolean}, {@link String}, a {@code List<Double>} (a Python tuple such as {@code betas}), an
 * {@code int[]}-like {@code List<Integer>} (milestones) or a {@link Count} derived from the training.
 * {@code where} is the annotation value it came from, for diagnostics.
 */
public record Arg(Object value, Location where) {

  public double asDouble() {
    if (value instanceof Count count) {
      return count.constant();
    }
    return ((Number) value).doubleValue();
  }

  @SuppressWarnings("unchecked")
  public List<Number> asList() {
    return (List<Number>) value;
  }
}
