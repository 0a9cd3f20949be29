package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;

/** One keyword argument's value, and the annotation value it came from ({@code where}, for diagnostics). */
public record Arg(Value value, Location where) {

  /** {@return the number it holds (see {@link Value#number()})} */
  public double asDouble() {
    return value.number();
  }
}
