package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.L1Loss(reduction='mean')}: the element-wise absolute error {@code |input - target|}. Input and target of the
 * same shape (PyTorch broadcasts differing but broadcastable shapes, with a warning; so does this).
 */
public final class L1Loss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "L1Loss";

  /** The loss with PyTorch's defaults. */
  public L1Loss() {
    this(Map.of());
  }

  /** From keyword arguments under PyTorch's names. */
  public L1Loss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
  }

  public static LossBuilder.ReductionOnly<L1Loss> builder() {
    return new LossBuilder.ReductionOnly<>(L1Loss::new);
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    return input.sub(target).abs();
  }
}
