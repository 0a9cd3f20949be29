package dev.anneal.param;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/** Floats in native memory, typically a view of an engine's tensor. */
public final class DirectStorage implements FloatStorage {
  /** Never written: the source of {@link #fill}'s zeros. 16 KB, so it stays in cache. */
  private static final float[] ZEROS = new float[4096];

  private final ByteBuffer bytes;
  private final FloatBuffer floats;

  DirectStorage(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer");
    if (!buffer.isDirect()) {
      throw new IllegalArgumentException("DirectStorage needs a direct buffer; wrap a float[] with FloatStorage.wrap instead");
    }
    if (buffer.remaining() % Float.BYTES != 0) {
      throw new IllegalArgumentException("buffer holds " + buffer.remaining() + " bytes, not a whole number of floats");
    }
    this.bytes = buffer.slice().order(ByteOrder.nativeOrder());
    this.floats = bytes.asFloatBuffer();
  }

  /** {@return the viewed bytes (native order, position 0), for kernels} */
  public ByteBuffer bytes() {
    return bytes;
  }

  /** {@return the viewed memory as floats (position 0)} */
  public FloatBuffer floats() {
    return floats;
  }

  @Override
  public int size() {
    return floats.capacity();
  }

  @Override
  public float get(int index) {
    return floats.get(index);
  }

  @Override
  public void set(int index, float value) {
    floats.put(index, value);
  }

  /**
   * Bulk puts of a block of {@code value}, which run as memory copies: C2 17 compiles a
   * per-element loop over a direct buffer to scalar stores (this zeroes the gradients every step).
   */
  @Override
  public void fill(float value) {
    int n = size();
    float[] block = ZEROS;
    if (Float.floatToRawIntBits(value) != 0) {
      block = new float[Math.min(n, ZEROS.length)];
      Arrays.fill(block, value);
    }
    for (int i = 0; i < n; i += block.length) {
      floats.put(i, block, 0, Math.min(block.length, n - i));
    }
  }

  @Override
  public void copyTo(float[] target) {
    floats.get(0, target, 0, size());
  }

  @Override
  public void copyFrom(float[] source) {
    floats.put(0, source, 0, size());
  }

  @Override
  public DirectStorage zerosLike() {
    return FloatStorage.direct(size());
  }
}
