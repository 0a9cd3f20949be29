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
  /** Whether the copies were pulled since the engine last changed them (a backward pass, a push). */
  private boolean pulled;

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
    pulled = true;
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
    pulled = false;
  }

  /**
   * The heap copy of the gradient; refused when the engine holds a gradient the copy was not
   * pulled from since the last step (it would step a stale gradient, or none at all).
   */
  @Override
  FloatStorage engineGrad() {
    if (!pulled) {
      NDArray engine = engineGradient(array());
      if (engine == null) {
        return null; // no backward pass yet: nothing to miss
      }
      closeHandle(engine);
      throw new IllegalStateException("parameter " + name() + " keeps a host copy of its engine tensor, and the copy was not "
          + "pulled since the last step, so its gradient is stale or missing: call BlockParameters.pullFromEngine() after "
          + "each backward pass (DjlTrainer and DjlPlan do), or bind with BlockParameters.of to step the tensor where it lives");
    }
    return gradPresent ? gradCopy : null;
  }

  @Override
  boolean engineGradPresent() {
    return gradPresent;
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
