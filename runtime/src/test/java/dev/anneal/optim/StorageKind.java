package dev.anneal.optim;

import dev.anneal.param.FloatStorage;

/**
 * Where a fixture's tensors live while it is replayed. The runtime's kinds are {@link HostStorage};
 * an engine binding adds its own (the djl module's engine arrays), and every kind replays every
 * fixture file through {@link OptimizerReplay}.
 */
public interface StorageKind {

  /** A tensor of this kind holding {@code values}, shaped {@code shape}. */
  FloatStorage create(float[] values, int[] shape);

  /** The kind's name in test names ({@code heap}). */
  String label();

  /** Whether {@code optimizer} (PyTorch's name) runs on this kind; the others must be refused. */
  default boolean runs(String optimizer) {
    return true;
  }
}
