package dev.anneal.checkpoint;

import java.util.Arrays;

/** A float32 tensor as stored in a checkpoint: its shape and its values in row-major order. */
public record Tensor(int[] shape, float[] values) {

  public Tensor {
    shape = shape.clone();
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count *= d;
    }
    if (count != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, got " + values.length);
    }
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** {@return the values themselves (not a copy): checkpoints move large arrays} */
  @Override
  public float[] values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
