package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}: a
 * sigmoid and the binary cross entropy in one, {@code (1 - t) x - lw log sigmoid(x)} with
 * {@code lw = 1 + (pos_weight - 1) t}, computed through {@code softplus} so logits of 1e4 or -1e4
 * give exact, finite losses and gradients. Target of the input's shape; {@code pos_weight}
 * broadcasts against the last (class) dimension, {@code weight} against the whole.
 */
public final class BCEWithLogitsLoss extends TorchLoss {
  public static final String NAME = "BCEWithLogitsLoss";
  private final float[] weight;
  private final float[] posWeight;

  public BCEWithLogitsLoss() {
    this(Map.of());
  }

  public BCEWithLogitsLoss(Map<String, ?> kwargs) {
    this(LossKwargs.resolve(NAME, kwargs));
  }

  BCEWithLogitsLoss(LossKwargs kwargs) {
    super(NAME, kwargs.reduction());
    this.weight = kwargs.tensor("weight");
    this.posWeight = kwargs.tensor("pos_weight");
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
    NDArray negLogSigmoid = Activation.softPlus(input.neg());
    if (posWeight != null) {
      NDArray pw = input.getManager().create(posWeight).toType(input.getDataType(), false);
      Inputs.broadcastable(NAME, "pos_weight", pw, "target", target);
      negLogSigmoid = negLogSigmoid.mul(pw.sub(1f).mul(target).add(1f));
    }
    NDArray loss = target.neg().add(1f).mul(input).add(negLogSigmoid);
    if (weight != null) {
      NDArray w = input.getManager().create(weight).toType(input.getDataType(), false);
      Inputs.broadcastable(NAME, "weight", w, "target", target);
      loss = loss.mul(w);
    }
    return reduce(loss);
  }

  public static final class Builder extends LossBuilder<Builder> {
    /** PyTorch's {@code weight}, broadcast against the target. */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    /** PyTorch's {@code pos_weight}: the weight of positive examples, one per class. */
    public Builder posWeight(float... value) {
      return set("pos_weight", value);
    }

    @Override
    public BCEWithLogitsLoss build() {
      return new BCEWithLogitsLoss(kwargs());
    }
  }
}
