package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean',
 * label_smoothing=0.0)}: {@code log_softmax} over the class dimension, then the negative log-likelihood.
 *
 * <p>Input: logits {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)}. Target: class indices
 * {@code ()}, {@code (N)} or {@code (N, d1, ...)} as an integer array (int64 as in PyTorch; int32 is
 * read as int64), or class probabilities of the input's shape as a floating-point array.
 *
 * <p>As in PyTorch: with class indices, {@code 'mean'} divides by the summed weights of the
 * targets not ignored (NaN when every target is ignored); label smoothing mixes in
 * {@code -sum_c w_c logp_c / C}, normalized the same way and zero at ignored targets. With
 * probabilities, {@code 'mean'} divides by the number of elements over the classes ({@code N d1 ...}),
 * not by the weights, and {@code ignore_index} does not apply.
 */
public final class CrossEntropyLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "CrossEntropyLoss";
  private final TensorArgument weight;
  private final int ignoreIndex;
  private final double labelSmoothing;

  /** The loss with PyTorch's defaults. */
  public CrossEntropyLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public CrossEntropyLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.weight = kwargs().tensor("weight");
    this.ignoreIndex = kwargs().integer("ignore_index");
    this.labelSmoothing = kwargs().number("label_smoothing");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return PyTorch's {@code label_smoothing}} */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  /** {@return PyTorch's {@code ignore_index}} */
  public int ignoreIndex() {
    return ignoreIndex;
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = inputs[1];
    if (input.getShape().dimension() == 0) {
      throw new LossInputException(NAME, "input", "must have a class dimension: (C), (N, C) or (N, C, d1, ...), was ()");
    }
    int classDim = ClassIndexTargets.classDim(input);
    long classes = input.getShape().get(classDim);
    NDArray w = ClassIndexTargets.weight(NAME, weight, input);
    NDArray logProbs = input.logSoftmax(classDim);
    if (target.getDataType().isFloating()) {
      return probabilities(logProbs, target, w, classDim, classes);
    }
    NDArray indices = Inputs.indices(NAME, "target", target);
    ClassIndexTargets nll = ClassIndexTargets.pick(NAME, logProbs, indices, w, ignoreIndex);
    NDArray loss = nll.reduce(reduction());
    if (labelSmoothing == 0) {
      return loss;
    }
    int dims = input.getShape().dimension();
    NDArray perClass = w == null ? logProbs : logProbs.mul(Ops.classView(w, dims, classDim));
    NDArray smooth = nll.keptOnly(perClass.sum(new int[] {classDim}).neg());
    NDArray smoothed = switch (reduction()) {
      case MEAN -> nll.mean(smooth);
      case SUM -> smooth.sum();
      default -> smooth;
    };
    return loss.mul((float) (1 - labelSmoothing)).add(smoothed.mul((float) (labelSmoothing / classes)));
  }

  private NDArray probabilities(NDArray logProbs, NDArray target, NDArray w, int classDim, long classes) {
    if (!target.getShape().equals(logProbs.getShape())) {
      throw new LossInputException(NAME, "target", "class probabilities (a floating-point target) must have the input's shape "
          + Inputs.show(logProbs.getShape()) + ", was " + Inputs.show(target.getShape())
          + "; class indices must be an integer array (int64 or int32)");
    }
    NDArray t = labelSmoothing == 0 ? target : target.mul((float) (1 - labelSmoothing)).add((float) (labelSmoothing / classes));
    NDArray terms = logProbs.mul(t);
    if (w != null) {
      terms = terms.mul(Ops.classView(w, logProbs.getShape().dimension(), classDim));
    }
    return switch (reduction()) {
      case MEAN -> terms.sum().neg().div((float) (logProbs.size() / classes));
      case SUM -> terms.sum().neg();
      default -> terms.sum(new int[] {classDim}).neg();
    };
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, CrossEntropyLoss> {
    private Builder() {
      super(CrossEntropyLoss::new);
    }

    /** PyTorch's {@code weight}: one rescaling weight per class. */
    public Builder weight(float... value) {
      return set("weight", value);
    }

    /**
     * PyTorch's {@code ignore_index}, for class-index targets.
     *
     * @param value the value
     * @return this builder
     */
    public Builder ignoreIndex(int value) {
      return set("ignore_index", value);
    }

    /**
     * PyTorch's {@code label_smoothing}, in [0, 1].
     *
     * @param value the value
     * @return this builder
     */
    public Builder labelSmoothing(double value) {
      return set("label_smoothing", value);
    }
  }
}
