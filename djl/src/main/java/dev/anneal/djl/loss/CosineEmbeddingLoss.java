package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.CosineEmbeddingLoss(margin=0.0, reduction='mean')}: {@code 1 - cos}
 * where the target is 1, {@code max(0, cos - margin)} where it is -1, with PyTorch's
 * {@code cos = x1.x2 / sqrt((|x1|^2 + 1e-12)(|x2|^2 + 1e-12))}. Inputs {@code (N, D)} with target
 * {@code (N)}, or {@code (D)} with a 0-d target.
 *
 * <p>With DJL's {@code evaluate(labels, predictions)}: predictions {@code (input1, input2)}, labels {@code (target)}.
 */
public final class CosineEmbeddingLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "CosineEmbeddingLoss";
  private static final float EPSILON = 1e-12f;
  private final double margin;

  /** The loss with PyTorch's defaults. */
  public CosineEmbeddingLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public CosineEmbeddingLoss(Map<String, ?> kwargs) {
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
    Inputs.dims(NAME, "target", target, 0, 1);
    int td = target.getShape().dimension();
    if (x1.getShape().dimension() != td + 1 || x2.getShape().dimension() != td + 1) {
      throw new LossInputException(NAME, "input1", (td == 1 ? "a 1-D target needs 2-D inputs" : "a 0-D target needs 1-D inputs")
          + ", were " + Inputs.show(x1.getShape()) + " and " + Inputs.show(x2.getShape()));
    }
    Inputs.broadcastable(NAME, "input2", x2, "input1", x1);
    int[] axis = {td};
    NDArray dot = x1.mul(x2).sum(axis);
    NDArray m1 = x1.square().sum(axis).add(EPSILON);
    NDArray m2 = x2.square().sum(axis).add(EPSILON);
    NDArray cos = dot.div(m1.mul(m2).sqrt());
    NDArray similar = Ops.where(target.eq(1), cos.neg().add(1f), 0);
    NDArray dissimilar = Ops.where(target.eq(-1), Ops.clampMin(cos.sub((float) margin), 0), 0);
    return reduce(similar.add(dissimilar));
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, CosineEmbeddingLoss> {
    private Builder() {
      super(CosineEmbeddingLoss::new);
    }

    /**
     * PyTorch's {@code margin} (sensible in [-1, 1]; 0 to 0.5 suggested).
     *
     * @param value the value
     * @return this builder
     */
    public Builder margin(double value) {
      return set("margin", value);
    }
  }
}
