package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.HingeEmbeddingLoss(margin=1.0, reduction='mean')}: the input (often a
 * distance) where the target is 1, {@code max(0, margin - input)} where it is -1. As in PyTorch's
 * kernel, a target that is neither gets both terms.
 */
public final class HingeEmbeddingLoss extends TorchLoss {
  public static final String NAME = "HingeEmbeddingLoss";
  private final double margin;

  public HingeEmbeddingLoss() {
    this(Map.of());
  }

  public HingeEmbeddingLoss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  HingeEmbeddingLoss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
    this.margin = kwargs.number("margin");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = inputs[1];
    Inputs.broadcastable(NAME, "target", target, "input", input);
    NDArray marginTerm = Ops.where(target.neq(1), Ops.clampMin(input.neg().add((float) margin), 0), 0);
    NDArray selfTerm = Ops.where(target.neq(-1), input, 0);
    return reduce(marginTerm.add(selfTerm));
  }

  public static final class Builder extends LossBuilder<Builder> {
    /** PyTorch's {@code margin}. */
    public Builder margin(double value) {
      return set("margin", value);
    }

    @Override
    public HingeEmbeddingLoss build() {
      return new HingeEmbeddingLoss(kwargs());
    }
  }
}
