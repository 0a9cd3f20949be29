package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import dev.anneal.djl.engine.NdStorage;
import dev.anneal.param.FloatStorage;

/**
 * A parameter whose tensor stays where the engine keeps it (a GPU, or CPU memory it gives no view
 * of): values and gradient are the engine's own arrays, and the optimizer's update runs as engine
 * operations on that device with its state there. Nothing is copied to the host in a step.
 */
final class EngineParameter extends InPlaceParameter {
  EngineParameter(String name, ai.djl.nn.Parameter engineParameter, NDArray array) {
    super(name, engineParameter, array, new NdStorage(array));
  }

  /** The gradient with its parameter, so that zeroing it is the engine's own {@code grad.zero_()}. */
  @Override
  FloatStorage wrapGradient(NDArray grad) {
    return new NdStorage(grad, array());
  }
}
