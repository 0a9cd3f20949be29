package dev.anneal.param;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A fixed-size run of floats: a heap {@code float[]}, a direct (off-heap) buffer that can
 * view an engine's tensor memory without copying, or a tensor an engine keeps on its device
 * ({@link EngineStorage}). Java kernels run on the first two; the third runs engine operations.
 */
public sealed interface FloatStorage permits HeapStorage, DirectStorage, EngineStorage {

  /** Wraps an existing array; writes go to that array. */
  static HeapStorage wrap(float[] values) {
    return new HeapStorage(values);
  }

  /** Views an existing direct buffer (its position to its limit); writes go to that memory. */
  static DirectStorage view(ByteBuffer buffer) {
    return new DirectStorage(buffer);
  }

  /** A new zero-filled heap storage. */
  static HeapStorage heap(int size) {
    return new HeapStorage(new float[size]);
  }

  /** A new zero-filled direct storage in native byte order. */
  static DirectStorage direct(int size) {
    return new DirectStorage(ByteBuffer.allocateDirect(Math.multiplyExact(size, Float.BYTES)).order(ByteOrder.nativeOrder()));
  }

  int size();

  float get(int index);

  void set(int index, float value);

  void fill(float value);

  /** Copies every value into {@code target}, which must hold at least {@link #size()} floats. */
  void copyTo(float[] target);

  /** Overwrites every value from {@code source}, which must hold at least {@link #size()} floats. */
  void copyFrom(float[] source);

  /** A fresh heap copy of the values. */
  default float[] toArray() {
    float[] copy = new float[size()];
    copyTo(copy);
    return copy;
  }

  /** A new zero-filled storage of the same kind and size, for optimizer state next to it. */
  FloatStorage zerosLike();
}
