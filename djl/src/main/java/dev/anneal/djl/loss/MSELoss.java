package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.MSELoss(reduction='mean')}: the element-wise squared error {@code (input - target)^2}. Input and target of the
 * same shape (PyTorch broadcasts differing but broadcastable shapes, with a warning; so does this).
 */
public final class MSELoss extends TorchLoss {
  public static final String NAME = "MSELoss";

  public MSELoss() {
    this(Map.of());
  }

  /** From keyword arguments under PyTorch's names. */
  public MSELoss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  MSELoss(LossKwargs kwargs) {
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
    return reduce(d.square());
  }

  public static final class Builder extends LossBuilder<Builder> {
    @Override
    public MSELoss build() {
      return new MSELoss(kwargs());
    }
  }
}
