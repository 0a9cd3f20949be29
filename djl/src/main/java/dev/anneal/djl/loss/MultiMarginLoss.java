package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.MultiMarginLoss(p=1, margin=1.0, weight=None, reduction='mean')}: the
 * multi-class hinge, {@code sum_{i != y} max(0, margin - x[y] + x[i])^p / C}, scaled by
 * {@code weight[y]}. Input {@code (C)} or {@code (N, C)}, class indices {@code ()} or {@code (N)}.
 */
public final class MultiMarginLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "MultiMarginLoss";
  private final int p;
  private final double margin;
  private final TensorArgument weight;

  /** The loss with PyTorch's defaults. */
  public MultiMarginLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public MultiMarginLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.p = kwargs().integer("p");
    this.margin = kwargs().number("margin");
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
    NDArray target = Inputs.indices(NAME, "target", inputs[1]);
    Inputs.dims(NAME, "input", input, 1, 2);
    boolean single = input.getShape().dimension() == 1;
    NDArray x = single ? input.expandDims(0) : input;
    long rows = x.getShape().get(0);
    if (target.getShape().dimension() != (single ? 0 : 1) || target.size() != rows) {
      throw new LossInputException(NAME, "target", "must hold one class index per row of input " + Inputs.show(input.getShape())
          + ", was " + Inputs.show(target.getShape()));
    }
    NDArray y = target.reshape(rows);
    int classes = (int) x.getShape().get(1);
    NDArray outOfRange = y.lt(0).logicalOr(y.gte(classes));
    if (outOfRange.any().getBoolean()) {
      throw new LossInputException(NAME, "target", "class index " + y.booleanMask(outOfRange).toLongArray()[0]
          + " is out of range for " + classes + " classes");
    }
    NDArray picked = x.gather(y.expandDims(1), 1);
    NDArray hinge = Activation.relu(x.sub(picked).add((float) margin));
    if (p == 2) {
      hinge = hinge.square();
    }
    if (weight != null) {
      // PyTorch 2.x: "weight must be one-dimensional", "inconsistent weight size" (1.13 read past a short weight)
      NDArray w = Inputs.classWeight(NAME, "weight", weight, classes, x);
      hinge = hinge.mul(Ops.lookup(w, y).expandDims(1));
    }
    NDArray others = y.oneHot(classes, x.getDataType()).neg().add(1f);
    NDArray loss = hinge.mul(others).sum(new int[] {1}).div((float) classes);
    return reduce(single ? loss.squeeze(0) : loss);
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, MultiMarginLoss> {
    private Builder() {
      super(MultiMarginLoss::new);
    }

    /**
     * PyTorch's {@code p}: 1 or 2.
     *
     * @param value the value
     * @return this builder
     */
    public Builder p(int value) {
      return set("p", value);
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

    /** PyTorch's {@code weight}: one per class. */
    public Builder weight(float... value) {
      return set("weight", value);
    }
  }
}
