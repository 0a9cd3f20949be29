package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.anneal.param.EngineOps;
import dev.anneal.param.EngineStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A DJL array as {@link EngineStorage}: the tensor stays on its device and every operation on it
 * is an engine operation ({@link NdOps}). For a gradient, {@code owner} is the parameter array it
 * belongs to, so that zeroing it is the engine's own {@code grad.zero_()}.
 */
public final class NdStorage extends EngineStorage {
  private final NDArray array;
  private final NDArray owner;

  /** A tensor of values (or state). */
  public NdStorage(NDArray array) {
    this(array, null);
  }

  /** The gradient {@code grad} of the parameter array {@code owner} (null for other tensors). */
  public NdStorage(NDArray grad, NDArray owner) {
    super(Math.toIntExact(Objects.requireNonNull(grad, "array").size()));
    if (grad.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("Anneal steps float32 tensors; this one is " + grad.getDataType());
    }
    this.array = grad;
    this.owner = owner;
  }

  /** The engine's array. */
  public NDArray array() {
    return array;
  }

  /** The parameter array this gradient belongs to, or null. */
  NDArray owner() {
    return owner;
  }

  @Override
  public EngineOps ops() {
    return NdOps.INSTANCE;
  }

  @Override
  public String device() {
    return array.getDevice().toString();
  }

  @Override
  protected void read(float[] target) {
    float[] values = array.toFloatArray();
    System.arraycopy(values, 0, target, 0, values.length);
  }

  @Override
  protected void write(float[] source) {
    ByteBuffer bytes = ByteBuffer.allocateDirect(size() * Float.BYTES).order(ByteOrder.nativeOrder());
    bytes.asFloatBuffer().put(source, 0, size());
    array.set(bytes); // the engine copies into the same tensor object (on a GPU: host to device)
  }
}
