package dev.anneal.checkpoint;

import dev.anneal.param.FloatStorage;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor to write, read where it lives: its shape and the storage holding its floats (a heap
 * array or engine memory). The writer streams from the storage; nothing is copied whole.
 */
public record TensorRef(int[] shape, FloatStorage values) {

  public TensorRef {
    Objects.requireNonNull(values, "values");
    shape = shape.clone();
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count *= d;
    }
    if (count != values.size()) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, the storage "
          + values.size());
    }
  }

  /** A heap array as a tensor to write (the array itself, not a copy). */
  public static TensorRef of(int[] shape, float[] values) {
    return new TensorRef(shape, FloatStorage.wrap(values));
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  long bytes() {
    return (long) values.size() * Float.BYTES;
  }
}
