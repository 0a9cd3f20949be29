package dev.anneal.optim;

import dev.anneal.optim.kernel.ElementKernel;

/**
 * One parameter's state in an element-wise optimizer: up to three state tensors, handed to the
 * kernel as {@code s0..s2} in the order its {@link StateLayout} names them, and the step count.
 * Subclasses add the step's scalars (fields read into locals before the loop) and the loop itself.
 */
abstract class TensorState implements ElementKernel {
  private final float[][] tensors = new float[3][];
  double step;

  /** The k-th state tensor, or {@code null} while it is absent. */
  final float[] tensor(int k) {
    return tensors[k];
  }

  final void setTensor(int k, float[] values) {
    tensors[k] = values;
  }

  /** Creates the k-th tensor (zeros) the first time an option needs it; no-op afterwards. */
  final void ensure(int k, int size) {
    if (tensors[k] == null) {
      tensors[k] = new float[size];
    }
  }

  @Override
  public final float[] state(int k) {
    return tensors[k];
  }

  /** A scalar named in the layout; subclasses with more than the step count extend this. */
  double scalar(String name) {
    if (name.equals("step")) {
      return step;
    }
    throw new IllegalArgumentException("no state scalar " + name);
  }

  void setScalar(String name, double value) {
    if (!name.equals("step")) {
      throw new IllegalArgumentException("no state scalar " + name);
    }
    step = value;
  }
}
