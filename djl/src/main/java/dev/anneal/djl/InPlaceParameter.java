package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import dev.anneal.param.FloatStorage;

/**
 * A parameter the optimizer updates where the engine keeps it, with nothing to sync: through a
 * view of CPU memory ({@link ViewedParameter}) or by engine operations on the device ({@link
 * EngineParameter}). Its gradient is the engine's own tensor, wrapped once: PyTorch accumulates
 * into that same tensor from the first backward pass on, and {@code zero_()} keeps it.
 */
abstract sealed class InPlaceParameter extends DjlParameter permits ViewedParameter, EngineParameter {
  private FloatStorage grad;

  InPlaceParameter(String name, ai.djl.nn.Parameter engineParameter, NDArray array, FloatStorage values) {
    super(name, engineParameter, array, values);
  }

  /** The engine's gradient tensor as storage of this parameter's kind. */
  abstract FloatStorage wrapGradient(NDArray grad);

  @Override
  public final boolean zeroCopy() {
    return true;
  }

  @Override
  public final void pullFromEngine() {}

  @Override
  public final void pushToEngine() {}

  @Override
  final FloatStorage engineGrad() {
    if (grad == null) {
      NDArray engine = engineGradient(array());
      if (engine == null) {
        return null;
      }
      grad = wrapGradient(engine);
    }
    return grad;
  }

  @Override
  final void zeroEngineGrad() {
    grad.fill(0f);
  }

  @Override
  final void gradWritten() {}
}
