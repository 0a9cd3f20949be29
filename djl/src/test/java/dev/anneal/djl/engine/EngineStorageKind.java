package dev.anneal.djl.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.anneal.optim.StorageKind;
import dev.anneal.param.FloatStorage;
import java.util.Arrays;
import java.util.Set;

/**
 * Fixture tensors as engine arrays on the engine's default device, stepped by engine operations
 * ({@link NdOps}): the path a GPU takes, forced on the CPU here.
 */
final class EngineStorageKind implements StorageKind {
  /** Optimizers that keep a host path and must refuse engine tensors. */
  private static final Set<String> HOST_ONLY = Set.of("LBFGS", "Muon");

  private final NDManager manager;

  EngineStorageKind(NDManager manager) {
    this.manager = manager;
  }

  @Override
  public FloatStorage create(float[] values, int[] shape) {
    return new NdStorage(manager.create(values, new Shape(Arrays.stream(shape).asLongStream().toArray())));
  }

  @Override
  public String label() {
    return "engine " + manager.getDevice();
  }

  @Override
  public boolean runs(String optimizer) {
    return !HOST_ONLY.contains(optimizer);
  }
}
