package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import dev.anneal.param.DirectStorage;
import dev.anneal.param.FloatStorage;

/** A parameter whose values and gradient are views of the engine's CPU memory. */
final class ViewedParameter extends InPlaceParameter {
  private NDArray gradArray;

  private ViewedParameter(String name, ai.djl.nn.Parameter engineParameter, NDArray array, DirectStorage view) {
    super(name, engineParameter, array, view);
  }

  /** A view of {@code array}, or {@code null} when the engine hands out no writable view of it. */
  static ViewedParameter tryView(String name, ai.djl.nn.Parameter engineParameter, NDArray array) {
    DirectStorage view = EngineMemory.view(array);
    return view == null ? null : new ViewedParameter(name, engineParameter, array, view);
  }

  @Override
  FloatStorage wrapGradient(NDArray grad) {
    DirectStorage view = EngineMemory.view(grad);
    if (view == null) {
      throw new IllegalStateException("the engine gives no view of the gradient of " + name()
          + "; bind this block with BlockParameters.onEngine(...) instead");
    }
    gradArray = grad;
    return view;
  }

  /** {@return the engine's gradient array once backward created it (for tests)} */
  NDArray gradArray() {
    return gradArray;
  }
}
