package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.MSELoss(reduction='mean')}: the element-wise squared error {@code (input - target)^2}. Input and target of the
 * same shape (PyTorch broadcasts differing but broadcastable shapes, with a warning; so does this).
 */
public final class MSELoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "MSELoss";

  /** The loss with PyTorch's defaults. */
  public MSELoss() {
    this(Map.of());
  }

  /** From keyword arguments under PyTorch's names. */
  public MSELoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
  }

  public static LossBuilder.ReductionOnly<MSELoss> builder() {
    return new LossBuilder.ReductionOnly<>(MSELoss::new);
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    return input.sub(target).square();
  }
}
