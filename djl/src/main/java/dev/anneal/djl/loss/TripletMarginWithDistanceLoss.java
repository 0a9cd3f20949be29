package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * PyTorch's {@code torch.nn.TripletMarginWithDistanceLoss(distance_function=None, margin=1.0,
 * swap=False, reduction='mean')}: {@link TripletMarginLoss} with a distance of one's choice. By name:
 * {@code "pairwise_distance"} (PyTorch's default: the 2-norm of {@code a - b + 1e-6}) or
 * {@code "cosine"} ({@code 1 - cosine_similarity(a, b)} over dimension 1, PyTorch 2.x's
 * formula with {@code eps = 1e-8}); in Java, any function of two arrays
 * ({@link Builder#distanceFunction(BinaryOperator)}). {@code margin} must be positive.
 *
 * <p>With DJL's {@code evaluate(labels, predictions)}: predictions {@code (anchor, positive, negative)}.
 */
public final class TripletMarginWithDistanceLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "TripletMarginWithDistanceLoss";
  private final BinaryOperator<NDArray> distance;
  private final String distanceName;
  private final double margin;
  private final boolean swap;

  /** The loss with PyTorch's defaults. */
  public TripletMarginWithDistanceLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public TripletMarginWithDistanceLoss(Map<String, ?> kwargs) {
    this(kwargs, null);
  }

  private TripletMarginWithDistanceLoss(Map<String, ?> kwargs, BinaryOperator<NDArray> custom) {
    super(NAME, kwargs);
    this.distanceName = custom != null ? "custom" : kwargs().string("distance_function");
    this.distance = custom != null ? custom : named(distanceName);
    this.margin = kwargs().number("margin");
    this.swap = kwargs().flag("swap");
  }

  private static BinaryOperator<NDArray> named(String name) {
    return switch (name) {
      case "cosine" -> (a, b) -> {
        if (a.getShape().dimension() < 2) {
          throw new LossInputException(NAME, "anchor", "the cosine distance is taken over dimension 1, so inputs must be (N, D), were "
              + Inputs.show(a.getShape()));
        }
        return Ops.cosineSimilarity(a, b, 1, 1e-8).neg().add(1f);
      };
      default -> (a, b) -> Ops.pairwiseDistance(a, b, 2, 1e-6);
    };
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return {@code pairwise_distance}, {@code cosine}, or {@code custom} for a Java function} */
  public String distanceName() {
    return distanceName;
  }

  @Override
  protected NDArray[] arguments(NDList labels, NDList predictions) {
    return new NDArray[] {predictions.get(0), predictions.get(1), predictions.get(2)};
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "anchor, positive, negative");
    NDArray anchor = Inputs.floating(NAME, "anchor", inputs[0]);
    NDArray positive = Inputs.floating(NAME, "positive", inputs[1]);
    NDArray negative = Inputs.floating(NAME, "negative", inputs[2]);
    TripletMarginLoss.sameDims(NAME, anchor, positive, negative);
    NDArray toPositive = distance.apply(anchor, positive);
    NDArray toNegative = distance.apply(anchor, negative);
    if (swap) {
      toNegative = toNegative.minimum(distance.apply(positive, negative));
    }
    return reduce(Ops.clampMin(toPositive.sub(toNegative).add((float) margin), 0));
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, TripletMarginWithDistanceLoss> {
    private BinaryOperator<NDArray> custom;

    private Builder() {
      super(TripletMarginWithDistanceLoss::new);
    }

    /**
     * PyTorch's {@code distance_function} by name: {@code "pairwise_distance"} or {@code "cosine"}.
     *
     * @param name the value
     * @return this builder
     */
    public Builder distanceFunction(String name) {
      custom = null;
      return set("distance_function", name);
    }

    /**
     * A distance of one's own: two {@code (N, D)} arrays to {@code N} non-negative distances.
     *
     * @param function the value
     * @return this builder
     */
    public Builder distanceFunction(BinaryOperator<NDArray> function) {
      custom = Objects.requireNonNull(function, "function");
      return this;
    }

    /**
     * PyTorch's {@code margin}, positive.
     *
     * @param value the value
     * @return this builder
     */
    public Builder margin(double value) {
      return set("margin", value);
    }

    public Builder swap(boolean value) {
      return set("swap", value);
    }

    @Override
    public TripletMarginWithDistanceLoss build() {
      return new TripletMarginWithDistanceLoss(kwargs(), custom);
    }
  }
}
