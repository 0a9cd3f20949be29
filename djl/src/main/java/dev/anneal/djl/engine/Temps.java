package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/** The intermediate arrays of one update, closed together when it ends (they would live as long as the model otherwise). */
final class Temps implements AutoCloseable {
  private final List<NDArray> arrays = new ArrayList<>();

  /** Registers {@code array} to be closed with the others; returns it. */
  NDArray keep(NDArray array) {
    arrays.add(array);
    return array;
  }

  @Override
  public void close() {
    for (int i = arrays.size() - 1; i >= 0; i--) {
      arrays.get(i).close();
    }
    arrays.clear();
  }
}
