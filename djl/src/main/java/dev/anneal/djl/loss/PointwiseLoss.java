package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A loss computed element by element from {@code (input, target)} and then reduced, as PyTorch's
 * L1, MSE, Huber, SmoothL1, KLDiv, Poisson NLL, BCE, SoftMargin and HingeEmbedding losses are: the
 * input a floating-point array, the target checked against it ({@link #target}), the formula in
 * {@link #pointwise}. A loss of one's own of this shape extends it too.
 */
public abstract class PointwiseLoss extends TorchLoss {
  protected PointwiseLoss(String name, Map<String, ?> kwargs) {
    super(name, kwargs);
  }

  @Override
  public final NDArray forward(NDArray... inputs) {
    Inputs.count(getName(), inputs, "input, target");
    NDArray input = Inputs.floating(getName(), "input", inputs[0]);
    NDArray loss = pointwise(input, target(input, inputs[1]));
    return reduction() == Reduction.BATCHMEAN ? Reduction.batchMean(loss, input) : reduce(loss);
  }

  /**
   * The target, checked against the input: here a floating-point array that broadcasts with it
   * (PyTorch broadcasts differing but broadcastable shapes, with a warning; so does this).
   */
  protected NDArray target(NDArray input, NDArray target) {
    Inputs.floating(getName(), "target", target);
    Inputs.broadcastable(getName(), "target", target, "input", input);
    return target;
  }

  /** The loss of each element, before the reduction. */
  protected abstract NDArray pointwise(NDArray input, NDArray target);
}
