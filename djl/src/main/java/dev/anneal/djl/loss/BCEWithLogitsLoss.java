package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}: a
 * sigmoid and the binary cross entropy in one, {@code (1 - t) x - lw log sigmoid(x)} with
 * {@code lw = 1 + (pos_weight - 1) t}, computed through {@code softplus} so logits of 1e4 or -1e4
 * give exact, finite losses and gradients. Target of the input's shape; {@code weight} and
 * {@code pos_weight} of any shape that broadcasts to it, as in PyTorch ({@code pos_weight} usually
 * one per class: {@code (C,)}, or {@code (C, 1, 1)} for images).
 */
public final class BCEWithLogitsLoss extends PointwiseLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "BCEWithLogitsLoss";
  private final TensorArgument weight;
  private final TensorArgument posWeight;

  /** The loss with PyTorch's defaults. */
  public BCEWithLogitsLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public BCEWithLogitsLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.weight = kwargs().tensor("weight");
    this.posWeight = kwargs().tensor("pos_weight");
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
    NDArray negLogSigmoid = Activation.softPlus(input.neg());
    NDArray pw = Inputs.tensorBroadcastTo(NAME, "pos_weight", posWeight, input, "input", input);
    if (pw != null) {
      negLogSigmoid = negLogSigmoid.mul(pw.sub(1f).mul(target).add(1f));
    }
    NDArray loss = target.neg().add(1f).mul(input).add(negLogSigmoid);
    NDArray w = Inputs.tensorBroadcastTo(NAME, "weight", weight, input, "input", input);
    return w == null ? loss : loss.mul(w);
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, BCEWithLogitsLoss> {
    private Builder() {
      super(BCEWithLogitsLoss::new);
    }

    /** PyTorch's {@code weight}, broadcast against the target. */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    /** PyTorch's {@code weight} as a 2-D tensor, such as one per sample: {@code (N, 1)}. */
    public Builder weight(float[][] value) {
      return set("weight", value);
    }

    /** PyTorch's {@code pos_weight}: the weight of positive examples, one per class. */
    public Builder posWeight(float... value) {
      return set("pos_weight", value);
    }

    /** PyTorch's {@code pos_weight} as a 2-D tensor, such as one per element of {@code (N, C)}. */
    public Builder posWeight(float[][] value) {
      return set("pos_weight", value);
    }
  }
}
