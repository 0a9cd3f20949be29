package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import dev.anneal.param.DirectStorage;
import dev.anneal.param.FloatStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds out whether an engine array can be seen as writable memory, and views it if so. Public for
 * the in-place {@link #write}, which every writer into a bound block's arrays uses
 * ({@code NDArray.set} on the PyTorch engine swaps the tensor, so a view of the old one would read
 * freed memory).
 */
public final class EngineMemory {
  private EngineMemory() {}

  /**
   * A view of the array's memory, or {@code null} when the engine hands out a copy instead. A
   * direct buffer is not proof of a view (an engine may copy into a fresh native buffer), so one
   * value is written through the buffer, read back through the engine and restored.
   */
  static DirectStorage view(NDArray array) {
    ByteBuffer buffer;
    try {
      buffer = array.toByteBuffer(true);
    } catch (UnsupportedOperationException e) {
      return null;
    }
    long size = array.size();
    if (!buffer.isDirect() || buffer.isReadOnly() || buffer.remaining() != size * Float.BYTES) {
      return null;
    }
    buffer.order(ByteOrder.nativeOrder());
    if (size > 0 && !writesThrough(array, buffer)) {
      return null;
    }
    return FloatStorage.view(buffer);
  }

  /** Writes {@code values} into the array in place: through a view where there is one, else by the engine's copy. */
  public static void write(NDArray array, float[] values) {
    DirectStorage view = view(array);
    if (view != null) {
      view.copyFrom(values);
    } else {
      array.set(values);
    }
  }

  private static boolean writesThrough(NDArray array, ByteBuffer buffer) {
    long[] origin = new long[array.getShape().dimension()];
    float old = buffer.getFloat(0);
    float probe = old == 1f ? 2f : 1f;
    buffer.putFloat(0, probe);
    try {
      return array.getFloat(origin) == probe;
    } finally {
      buffer.putFloat(0, old);
    }
  }
}
