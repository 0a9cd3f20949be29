package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import dev.anneal.djl.engine.NdStorage;
import dev.anneal.param.FloatStorage;

/**
 * A parameter whose tensor stays where the engine keeps it (a GPU, or CPU memory it gives no view
 * of): values and gradient are the engine's own arrays, and the optimizer's update runs as engine
 * operations on that device with its state there. Nothing is copied to the host in a step.
 */
final class EngineParameter extends DjlParameter {
  private NdStorage grad;

  EngineParameter(String name, ai.djl.nn.Parameter engineParameter, NDArray array) {
    super(name, engineParameter, array, new NdStorage(array));
  }

  @Override
  public boolean zeroCopy() {
    return true;
  }

  @Override
  public void pullFromEngine() {}

  @Override
  public void pushToEngine() {}

  @Override
  FloatStorage engineGrad() {
    if (grad == null) {
      NDArray engine = engineGradient(array());
      if (engine == null) {
        return null;
      }
      // PyTorch accumulates into this same tensor from now on, and zero_() keeps it.
      grad = new NdStorage(engine, array());
    }
    return grad;
  }

  @Override
  void zeroEngineGrad() {
    grad.fill(0f);
  }

  @Override
  void gradWritten() {}
}
