package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.BCELoss(weight=None, reduction='mean')}:
 * {@code -w (t log x + (1 - t) log(1 - x))} on probabilities {@code x} in [0, 1], each log clamped
 * to at least -100 as PyTorch does, so that {@code x = 0} or {@code 1} gives 100, not inf. Target of
 * the input's shape; {@code weight} of any shape that broadcasts to it, as in PyTorch (per element,
 * per sample {@code (N, 1)}, per class {@code (C,)}, per channel {@code (C, 1, 1)}). Prefer {@link BCEWithLogitsLoss} on logits.
 */
public final class BCELoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "BCELoss";
  private final TensorArgument weight;

  /** The loss with PyTorch's defaults. */
  public BCELoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public BCELoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.weight = kwargs().tensor("weight");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray target(NDArray input, NDArray target) {
    Inputs.sameShape(NAME, "target", Inputs.floating(NAME, "target", target), "input", input);
    return target;
  }

  @Override
  protected NDArray pointwise(NDArray input, NDArray target) {
    if (input.lt(0).logicalOr(input.gt(1)).any().getBoolean()) {
      throw new LossInputException(NAME, "input", "must hold probabilities: every element between 0 and 1 (use BCEWithLogitsLoss on logits)");
    }
    NDArray logX = Ops.clampMin(input.log(), -100);
    NDArray logNotX = Ops.clampMin(input.neg().add(1f).log(), -100);
    NDArray loss = target.mul(logX).add(target.neg().add(1f).mul(logNotX)).neg();
    NDArray w = Inputs.tensorBroadcastTo(NAME, "weight", weight, input, "input", input);
    return w == null ? loss : loss.mul(w);
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, BCELoss> {
    private Builder() {
      super(BCELoss::new);
    }

    /** PyTorch's {@code weight}, broadcast against the target (one per class for (N, C) inputs). */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    /** PyTorch's {@code weight} as a 2-D tensor, such as one per sample: {@code new float[][] {{1}, {2}}} for {@code (N, 1)}. */
    public Builder weight(float[][] value) {
      return set("weight", value);
    }
  }
}
