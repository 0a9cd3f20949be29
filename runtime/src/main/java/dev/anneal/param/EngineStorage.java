package dev.anneal.param;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Floats an engine keeps on its device (a GPU, or CPU memory it hands out no view of), reached
 * only through the engine's own operations ({@link #ops()}): optimizer updates, gradient norms,
 * scaling and zeroing run there, so a training step copies nothing to the host.
 *
 * <p>Bulk copies ({@link #copyTo}, {@link #copyFrom}) remain for checkpoints and state dicts; every
 * byte they move is counted in {@link #hostBytes()}, so a test can hold a step to zero. Reading or
 * writing one element at a time is refused: on a device it would be a transfer per value.
 */
public abstract non-sealed class EngineStorage implements FloatStorage {
  private static final AtomicLong HOST_BYTES = new AtomicLong();

  private final int size;

  protected EngineStorage(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    this.size = size;
  }

  /** The operations of the engine holding this tensor. */
  public abstract EngineOps ops();

  /** Where the tensor lives, as the engine names it ({@code gpu(0)}), for messages. */
  public abstract String device();

  /** Copies the tensor into {@code target} (device to host). */
  protected abstract void read(float[] target);

  /** Overwrites the tensor in place from {@code source} (host to device). */
  protected abstract void write(float[] source);

  /** Bytes copied between host and any engine's device through {@link #copyTo} and {@link #copyFrom} so far. */
  public static long hostBytes() {
    return HOST_BYTES.get();
  }

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final float get(int index) {
    throw elementAccess();
  }

  @Override
  public final void set(int index, float value) {
    throw elementAccess();
  }

  private UnsupportedOperationException elementAccess() {
    return new UnsupportedOperationException("this tensor lives on " + device() + " and is reached through engine "
        + "operations only; reading or writing single values would copy each one to the host (copy it whole with toArray())");
  }

  @Override
  public final void fill(float value) {
    ops().fill(this, value);
  }

  @Override
  public final void copyTo(float[] target) {
    HOST_BYTES.addAndGet((long) size * Float.BYTES);
    read(target);
  }

  @Override
  public final void copyFrom(float[] source) {
    HOST_BYTES.addAndGet((long) size * Float.BYTES);
    write(source);
  }

  @Override
  public final FloatStorage zerosLike() {
    return ops().zerosLike(this);
  }
}
