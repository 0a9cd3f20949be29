package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.TripletMarginLoss(margin=1.0, p=2.0, eps=1e-6, swap=False,
 * reduction='mean')}: {@code max(0, margin + d(a, p) - d(a, n))} with PyTorch's
 * {@code pairwise_distance}, the {@code p}-norm of {@code a - b + eps} over the last dimension;
 * {@code swap} uses {@code min(d(a, n), d(p, n))} as the negative distance. Anchor, positive and
 * negative {@code (N, D)} or {@code (D)}.
 *
 * <p>With DJL's {@code evaluate(labels, predictions)}: predictions {@code (anchor, positive, negative)}; labels are not read.
 */
public final class TripletMarginLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "TripletMarginLoss";
  private final double margin;
  private final double p;
  private final double eps;
  private final boolean swap;

  /** The loss with PyTorch's defaults. */
  public TripletMarginLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public TripletMarginLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.margin = kwargs().number("margin");
    this.p = kwargs().number("p");
    this.eps = kwargs().number("eps");
    this.swap = kwargs().flag("swap");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray[] arguments(NDList labels, NDList predictions) {
    return new NDArray[] {predictions.get(0), predictions.get(1), predictions.get(2)};
  }

  static void sameDims(String loss, NDArray anchor, NDArray positive, NDArray negative) {
    int a = anchor.getShape().dimension();
    if (positive.getShape().dimension() != a || negative.getShape().dimension() != a) {
      throw new LossInputException(loss, "positive", "anchor, positive and negative must have the same number of dimensions, were "
          + Inputs.show(anchor.getShape()) + ", " + Inputs.show(positive.getShape()) + " and " + Inputs.show(negative.getShape()));
    }
    if (a == 0) {
      throw new LossInputException(loss, "anchor", "must be (N, D) or (D), was ()");
    }
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "anchor, positive, negative");
    NDArray anchor = Inputs.floating(NAME, "anchor", inputs[0]);
    NDArray positive = Inputs.floating(NAME, "positive", inputs[1]);
    NDArray negative = Inputs.floating(NAME, "negative", inputs[2]);
    sameDims(NAME, anchor, positive, negative);
    Inputs.broadcastable(NAME, "positive", positive, "anchor", anchor);
    Inputs.broadcastable(NAME, "negative", negative, "anchor", anchor);
    NDArray toPositive = Ops.pairwiseDistance(anchor, positive, p, eps);
    NDArray toNegative = Ops.pairwiseDistance(anchor, negative, p, eps);
    if (swap) {
      toNegative = toNegative.minimum(Ops.pairwiseDistance(positive, negative, p, eps));
    }
    return reduce(Ops.clampMin(toPositive.sub(toNegative).add((float) margin), 0));
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, TripletMarginLoss> {
    private Builder() {
      super(TripletMarginLoss::new);
    }

    public Builder margin(double value) {
      return set("margin", value);
    }

    /**
     * PyTorch's {@code p}: the norm's degree ({@code Double.POSITIVE_INFINITY} for the max norm).
     *
     * @param value the value
     * @return this builder
     */
    public Builder p(double value) {
      return set("p", value);
    }

    public Builder eps(double value) {
      return set("eps", value);
    }

    public Builder swap(boolean value) {
      return set("swap", value);
    }
  }
}
