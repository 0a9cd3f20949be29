package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.L1Loss(reduction='mean')}: the element-wise absolute error {@code |input - target|}. Input and target of the
 * same shape (PyTorch broadcasts differing but broadcastable shapes, with a warning; so does this).
 */
public final class L1Loss extends TorchLoss {
  public static final String NAME = "L1Loss";

  public L1Loss() {
    this(Map.of());
  }

  /** From keyword arguments under PyTorch's names. */
  public L1Loss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  L1Loss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = Inputs.floating(NAME, "target", inputs[1]);
    Inputs.broadcastable(NAME, "target", target, "input", input);
    NDArray d = input.sub(target);
    return reduce(d.abs());
  }

  public static final class Builder extends LossBuilder<Builder> {
    @Override
    public L1Loss build() {
      return new L1Loss(kwargs());
    }
  }
}
