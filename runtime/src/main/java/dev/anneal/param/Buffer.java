package dev.anneal.param;

import java.util.Objects;

/**
 * A named tensor of a model that is state but not a parameter, as PyTorch's
 * {@code register_buffer}: BatchNorm's running mean and variance. Never trained or given a
 * gradient; a plan's checkpoint saves and restores it under {@code buffer/<name>}, and a frozen
 * group with {@code BatchNormPolicy.HOLD} keeps it unchanged.
 *
 * <p>{@link #values()} is read and written in place. A buffer whose storage is a copy of engine
 * memory brings the copy up to date in {@link #pull()} and writes it back in {@link #push()}; for
 * a view both do nothing.
 */
public interface Buffer {

  /** {@return the buffer's name, unique among the plan's parameters and buffers ({@code stem.1.runningMean})} */
  String name();

  /** {@return the tensor's dimensions} */
  int[] shape();

  /** {@return the values, where they live (engine memory for a view, a heap copy otherwise)} */
  FloatStorage values();

  /** Brings {@link #values()} up to date with the engine (before it is read). */
  default void pull() {}

  /** Writes {@link #values()} back into the engine (after it was written). */
  default void push() {}

  /** A buffer over a storage that is the buffer itself (heap arrays, views). */
  static Buffer of(String name, int[] shape, FloatStorage values) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    int[] dims = shape.clone();
    long count = 1;
    for (int d : dims) {
      count *= d;
    }
    if (count != values.size()) {
      throw new IllegalArgumentException("buffer " + name + " has shape " + java.util.Arrays.toString(dims) + " ("
          + count + " values) but its storage holds " + values.size());
    }
    return new Buffer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int[] shape() {
        return dims.clone();
      }

      @Override
      public FloatStorage values() {
        return values;
      }

      @Override
      public String toString() {
        return "Buffer[" + name + "]";
      }
    };
  }
}
