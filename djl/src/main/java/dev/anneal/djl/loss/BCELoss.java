package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.BCELoss(weight=None, reduction='mean')}:
 * {@code -w (t log x + (1 - t) log(1 - x))} on probabilities {@code x} in [0, 1], each log clamped
 * to at least -100 as PyTorch does, so that {@code x = 0} or {@code 1} gives 100, not inf. Target of
 * the input's shape; {@code weight} broadcasts against it. Prefer {@link BCEWithLogitsLoss} on logits.
 */
public final class BCELoss extends TorchLoss {
  public static final String NAME = "BCELoss";
  private final float[] weight;

  public BCELoss() {
    this(Map.of());
  }

  public BCELoss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  BCELoss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
    this.weight = kwargs.tensor("weight");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = Inputs.floating(NAME, "target", inputs[1]);
    Inputs.sameShape(NAME, "target", target, "input", input);
    if (input.lt(0).logicalOr(input.gt(1)).any().getBoolean()) {
      throw new LossInputException(NAME, "input", "must hold probabilities: every element between 0 and 1 (use BCEWithLogitsLoss on logits)");
    }
    NDArray logX = Ops.clampMin(input.log(), -100);
    NDArray logNotX = Ops.clampMin(input.neg().add(1f).log(), -100);
    NDArray loss = target.mul(logX).add(target.neg().add(1f).mul(logNotX)).neg();
    if (weight != null) {
      NDArray w = input.getManager().create(weight).toType(input.getDataType(), false);
      Inputs.broadcastable(NAME, "weight", w, "target", target);
      loss = loss.mul(w);
    }
    return reduce(loss);
  }

  public static final class Builder extends LossBuilder<Builder> {
    /** PyTorch's {@code weight}, broadcast against the target (one per class for (N, C) inputs). */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    @Override
    public BCELoss build() {
      return new BCELoss(kwargs());
    }
  }
}
