package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.anneal.param.Buffer;
import dev.anneal.param.DirectStorage;
import dev.anneal.param.FloatStorage;
import java.util.Objects;

/**
 * A DJL block's running statistic (BatchNorm's {@code runningMean} or {@code runningVar}) as an
 * Anneal {@link Buffer}. On the PyTorch engine's CPU tensors it views the engine's memory, which
 * BatchNorm updates in place, so a checkpoint reads the current statistics and a load writes them
 * where the next forward pass reads them; elsewhere it keeps a heap copy, pulled before it is read
 * and pushed after it is written.
 */
final class BlockBuffer implements Buffer {
  private final String name;
  private final ai.djl.nn.Parameter engineParameter;
  private final NDArray array;
  private final int[] shape;
  private final FloatStorage values;
  private final boolean view;

  private BlockBuffer(String name, ai.djl.nn.Parameter engineParameter, NDArray array, FloatStorage values, boolean view) {
    this.name = name;
    this.engineParameter = engineParameter;
    this.array = array;
    this.values = values;
    this.view = view;
    long[] dims = array.getShape().getShape();
    this.shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Math.toIntExact(dims[i]);
    }
  }

  static BlockBuffer bind(String name, ai.djl.nn.Parameter engineParameter, NDArray array, boolean forceCopy) {
    Objects.requireNonNull(array, name);
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("buffer " + name + " is " + array.getDataType()
          + "; Anneal checkpoints float32 buffers: cast the block with block.cast(DataType.FLOAT32)");
    }
    DirectStorage storage = forceCopy ? null : EngineMemory.view(array);
    return storage != null
        ? new BlockBuffer(name, engineParameter, array, storage, true)
        : new BlockBuffer(name, engineParameter, array, FloatStorage.wrap(array.toFloatArray()), false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public FloatStorage values() {
    return values;
  }

  /** {@return whether the values are a view of the engine's memory} */
  boolean zeroCopy() {
    return view;
  }

  @Override
  public void pull() {
    checkBound();
    if (!view) {
      values.copyFrom(array.toFloatArray());
    }
  }

  @Override
  public void push() {
    checkBound();
    if (!view) {
      array.set(values.toArray());
    }
  }

  private void checkBound() {
    if (!engineParameter.isInitialized() || engineParameter.getArray() != array) {
      throw new IllegalStateException("buffer " + name + " was replaced in DJL after it was bound (block re-initialized"
          + " or parameters loaded): call BlockParameters.of again after loading or initializing the block");
    }
  }

  @Override
  public String toString() {
    return "BlockBuffer[" + name + (view ? ", view" : ", copy") + "]";
  }
}
