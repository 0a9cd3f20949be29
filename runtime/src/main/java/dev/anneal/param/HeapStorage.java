package dev.anneal.param;

import java.util.Arrays;
import java.util.Objects;

/** Floats in a Java array. */
public final class HeapStorage implements FloatStorage {
  private final float[] values;

  HeapStorage(float[] values) {
    this.values = Objects.requireNonNull(values, "values");
  }

  /** {@return the backing array itself, for kernels; writes are visible to the storage} */
  public float[] array() {
    return values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public float get(int index) {
    return values[index];
  }

  @Override
  public void set(int index, float value) {
    values[index] = value;
  }

  @Override
  public void fill(float value) {
    Arrays.fill(values, value);
  }

  @Override
  public void copyTo(float[] target) {
    System.arraycopy(values, 0, target, 0, values.length);
  }

  @Override
  public void copyFrom(float[] source) {
    System.arraycopy(source, 0, values, 0, values.length);
  }

  @Override
  public HeapStorage zerosLike() {
    return FloatStorage.heap(values.length);
  }
}
