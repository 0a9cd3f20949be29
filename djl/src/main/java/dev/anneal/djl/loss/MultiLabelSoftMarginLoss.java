package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.MultiLabelSoftMarginLoss(weight=None, reduction='mean')}: per sample,
 * the mean over the {@code C} classes of {@code -(t log sigmoid(x) + (1 - t) log sigmoid(-x))},
 * each class scaled by {@code weight}; input and target {@code (N, C)} (or {@code (C)}). As in
 * PyTorch, {@code weight} is any shape that broadcasts with the input (per class {@code (C,)}, per
 * sample {@code (N, 1)}, per element); PyTorch multiplies out of place, so a weight with more
 * dimensions widens the loss, and the class sum then runs over dimension {@code input.dim() - 1}
 * of the widened loss, as {@code F.multilabel_soft_margin_loss} does.
 */
public final class MultiLabelSoftMarginLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "MultiLabelSoftMarginLoss";
  private final TensorArgument weight;

  /** The loss with PyTorch's defaults. */
  public MultiLabelSoftMarginLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public MultiLabelSoftMarginLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.weight = kwargs().tensor("weight");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = inputs[1].toType(input.getDataType(), false);
    if (input.getShape().dimension() == 0) {
      throw new LossInputException(NAME, "input", "must have a class dimension: (C) or (N, C), was ()");
    }
    Inputs.broadcastable(NAME, "target", target, "input", input);
    NDArray loss = target.mul(Ops.logSigmoid(input)).add(target.neg().add(1f).mul(Ops.logSigmoid(input.neg()))).neg();
    NDArray w = Inputs.tensor(NAME, "weight", weight, input, "input", input);
    if (w != null) {
      loss = loss.mul(w);
    }
    int classDim = input.getShape().dimension() - 1;
    long classes = input.getShape().get(classDim);
    return reduce(loss.sum(new int[] {classDim}).div((float) classes));
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, MultiLabelSoftMarginLoss> {
    private Builder() {
      super(MultiLabelSoftMarginLoss::new);
    }

    /** PyTorch's {@code weight}: one per class. */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    /** PyTorch's {@code weight} as a 2-D tensor, such as one per sample: {@code (N, 1)}. */
    public Builder weight(float[][] value) {
      return set("weight", value);
    }
  }
}
