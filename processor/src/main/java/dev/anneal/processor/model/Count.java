package dev.anneal.processor.model;

import java.util.OptionalLong;

/**
 * A whole number of schedule steps that may depend on the steps per epoch known only at run
 * time: {@code perEpoch * stepsPerEpoch + constant}. Lengths derived from the training
 * ({@code T_max} of a step-interval cosine, a warmup given in epochs) have this form.
 */
public record Count(long perEpoch, long constant) implements Value {

  public static Count of(long constant) {
    return new Count(0, constant);
  }

  public static Count epochs(long epochs) {
    return new Count(epochs, 0);
  }

  public Count plus(Count other) {
    return new Count(perEpoch + other.perEpoch, constant + other.constant);
  }

  public Count minus(Count other) {
    return new Count(perEpoch - other.perEpoch, constant - other.constant);
  }

  /** The value when the steps per epoch are known ({@code stepsPerEpoch > 0}), or nothing. */
  public OptionalLong evaluate(int stepsPerEpoch) {
    if (perEpoch == 0) {
      return OptionalLong.of(constant);
    }
    return stepsPerEpoch > 0 ? OptionalLong.of(perEpoch * stepsPerEpoch + constant) : OptionalLong.empty();
  }

  /** For messages: "12 epochs", "12 * stepsPerEpoch - 500 steps". */
  public String describe(String unit) {
    if (perEpoch == 0) {
      return constant + " " + unit;
    }
    String head = perEpoch + " * stepsPerEpoch";
    return (constant == 0 ? head : head + (constant > 0 ? " + " : " - ") + Math.abs(constant)) + " " + unit;
  }
}
