package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.MarginRankingLoss(margin=0.0, reduction='mean')}:
 * {@code max(0, -target (input1 - input2) + margin)}, targets 1 (input1 should rank higher) or -1.
 * The three inputs must have the same number of dimensions.
 *
 * <p>With DJL's {@code evaluate(labels, predictions)}: predictions {@code (input1, input2)}, labels {@code (target)}.
 */
public final class MarginRankingLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "MarginRankingLoss";
  private final double margin;

  /** The loss with PyTorch's defaults. */
  public MarginRankingLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public MarginRankingLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.margin = kwargs().number("margin");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray[] arguments(NDList labels, NDList predictions) {
    return new NDArray[] {predictions.get(0), predictions.get(1), labels.head()};
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input1, input2, target");
    NDArray x1 = Inputs.floating(NAME, "input1", inputs[0]);
    NDArray x2 = Inputs.floating(NAME, "input2", inputs[1]);
    NDArray target = inputs[2];
    int d = x1.getShape().dimension();
    if (x2.getShape().dimension() != d || target.getShape().dimension() != d) {
      throw new LossInputException(NAME, "target", "input1, input2 and target must have the same number of dimensions, were "
          + Inputs.show(x1.getShape()) + ", " + Inputs.show(x2.getShape()) + " and " + Inputs.show(target.getShape()));
    }
    Inputs.broadcastable(NAME, "input2", x2, "input1", x1);
    Inputs.broadcastable(NAME, "target", target, "input1", x1);
    NDArray t = target.toType(x1.getDataType(), false);
    return reduce(Ops.clampMin(t.neg().mul(x1.sub(x2)).add((float) margin), 0));
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, MarginRankingLoss> {
    private Builder() {
      super(MarginRankingLoss::new);
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
