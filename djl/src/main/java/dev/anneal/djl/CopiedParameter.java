package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;

/**
 * A parameter that keeps heap copies of the engine's values and gradient, for arrays the engine
 * cannot show as memory (another engine, a device, a non-contiguous tensor). {@link
 * #pullFromEngine()} and {@link #pushToEngine()} must run around each optimizer step.
 */
final class CopiedParameter extends DjlParameter {
  private final HeapStorage gradCopy;
  private boolean gradPresent;

  CopiedParameter(String name, ai.djl.nn.Parameter engineParameter, NDArray array) {
    super(name, engineParameter, array, FloatStorage.wrap(array.toFloatArray()));
    this.gradCopy = FloatStorage.heap(size());
  }

  @Override
  public boolean zeroCopy() {
    return false;
  }

  @Override
  public void pullFromEngine() {
    values().copyFrom(array().toFloatArray());
    if (!requiresGrad()) {
      return;
    }
    NDArray grad = engineGradient(array());
    if (grad != null) {
      gradCopy.copyFrom(grad.toFloatArray());
      gradPresent = true;
      closeHandle(grad);
    }
  }

  @Override
  public void pushToEngine() {
    array().set(((HeapStorage) values()).array());
  }

  @Override
  FloatStorage engineGrad() {
    return gradPresent ? gradCopy : null;
  }

  @Override
  void zeroEngineGrad() {
    gradCopy.fill(0f);
    NDArray grad = engineGradient(array());
    if (grad != null) {
      grad.set(gradCopy.array());
      closeHandle(grad);
    }
  }

  @Override
  void gradWritten() {
    NDArray grad = engineGradient(array());
    if (grad != null) {
      grad.set(gradCopy.array());
      closeHandle(grad);
    }
  }

  /** PyTorch hands out a new handle per gradient request; other engines return their own array. */
  private static void closeHandle(NDArray grad) {
    if (grad instanceof PtNDArray) {
      grad.close();
    }
  }
}
