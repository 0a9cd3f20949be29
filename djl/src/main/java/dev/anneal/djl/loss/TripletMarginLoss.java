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
  public static final String NAME = "TripletMarginLoss";
  private final double margin;
  private final double p;
  private final double eps;
  private final boolean swap;

  public TripletMarginLoss() {
    this(Map.of());
  }

  public TripletMarginLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.margin = kwargs().number("margin");
    this.p = kwargs().number("p");
    this.eps = kwargs().number("eps");
    this.swap = kwargs().flag("swap");
  }

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

  public static final class Builder extends LossBuilder<Builder, TripletMarginLoss> {
    private Builder() {
      super(TripletMarginLoss::new);
    }

    public Builder margin(double value) {
      return set("margin", value);
    }

    /** PyTorch's {@code p}: the norm's degree ({@code Double.POSITIVE_INFINITY} for the max norm). */
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
