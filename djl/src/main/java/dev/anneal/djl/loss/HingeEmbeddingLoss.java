package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.HingeEmbeddingLoss(margin=1.0, reduction='mean')}: the input (often a
 * distance) where the target is 1, {@code max(0, margin - input)} where it is -1. As in PyTorch's
 * kernel, a target that is neither gets both terms.
 */
public final class HingeEmbeddingLoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "HingeEmbeddingLoss";
  private final double margin;

  /** The loss with PyTorch's defaults. */
  public HingeEmbeddingLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public HingeEmbeddingLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.margin = kwargs().number("margin");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Targets of any type (1 or -1) that broadcast with the input. */
  @Override
  protected NDArray target(NDArray input, NDArray target) {
    Inputs.broadcastable(NAME, "target", target, "input", input);
    return target;
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    NDArray marginTerm = Ops.where(target.neq(1), Ops.clampMin(input.neg().add((float) margin), 0), 0);
    NDArray selfTerm = Ops.where(target.neq(-1), input, 0);
    return marginTerm.add(selfTerm);
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, HingeEmbeddingLoss> {
    private Builder() {
      super(HingeEmbeddingLoss::new);
    }

    /**
     * PyTorch's {@code margin}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder margin(double value) {
      return set("margin", value);
    }
  }
}
