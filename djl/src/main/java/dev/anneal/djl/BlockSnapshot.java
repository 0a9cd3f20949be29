package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import dev.anneal.plan.StateCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every array of a DJL block, buffers included (BatchNorm's running mean and variance, which a
 * plan's checkpoint does not hold), captured and written back exactly, in place: a restored
 * array keeps its storage, so Anneal's views of it ({@link BlockParameters}) stay valid. For
 * {@code dev.anneal.lrfind.LrFinder#restoring} and {@code dev.anneal.plan.TrialRun#restoring}.
 */
public final class BlockSnapshot implements StateCapture {
  private final Block block;

  private BlockSnapshot(Block block) {
    this.block = Objects.requireNonNull(block, "block");
  }

  public static BlockSnapshot of(Block block) {
    if (!block.isInitialized()) {
      throw new IllegalStateException("block " + block.getClass().getSimpleName() + " is not initialized, so it has no "
          + "arrays to capture: initialize it first");
    }
    return new BlockSnapshot(block);
  }

  @Override
  public Runnable capture() {
    List<NDArray> arrays = new ArrayList<>();
    List<float[]> copies = new ArrayList<>();
    for (Pair<String, ai.djl.nn.Parameter> entry : block.getParameters()) {
      ai.djl.nn.Parameter p = entry.getValue();
      if (!p.isInitialized()) {
        continue;
      }
      NDArray array = p.getArray();
      if (array.getDataType() != DataType.FLOAT32) {
        throw new IllegalStateException("BlockSnapshot captures float32 arrays; parameter " + entry.getKey() + " is "
            + array.getDataType());
      }
      arrays.add(array);
      copies.add(array.toFloatArray());
    }
    return () -> {
      for (int i = 0; i < arrays.size(); i++) {
        EngineMemory.write(arrays.get(i), copies.get(i));
      }
    };
  }
}
