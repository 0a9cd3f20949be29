package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')} on
 * log-probabilities {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)} with class indices
 * {@code ()}, {@code (N)} or {@code (N, d1, ...)} (int64, or any integer type). {@code 'mean'} divides
 * by the summed weights of the targets that are not ignored (NaN when all are).
 */
public final class NLLLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "NLLLoss";
  private final TensorArgument weight;
  private final int ignoreIndex;

  /** The loss with PyTorch's defaults. */
  public NLLLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public NLLLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.weight = kwargs().tensor("weight");
    this.ignoreIndex = kwargs().integer("ignore_index");
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
    NDArray w = ClassIndexTargets.weight(NAME, weight, input);
    return ClassIndexTargets.pick(NAME, input, target, w, ignoreIndex).reduce(reduction());
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, NLLLoss> {
    private Builder() {
      super(NLLLoss::new);
    }

    /** PyTorch's {@code weight}: one rescaling weight per class. */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    /**
     * PyTorch's {@code ignore_index}: targets with this value add nothing and count for nothing.
     *
     * @param value the value
     * @return this builder
     */
    public Builder ignoreIndex(int value) {
      return set("ignore_index", value);
    }
  }
}
