package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.GaussianNLLLoss(full=False, eps=1e-6, reduction='mean')}:
 * {@code 0.5 (log var + (input - target)^2 / var)}, plus {@code 0.5 log(2 pi)} when {@code full}.
 * {@code var} has the input's shape, or that shape without its last dimension or with it 1 (one
 * variance shared by the last dimension). Negative variances are refused. As in PyTorch, the
 * variance is clamped to at least {@code eps} in the forward pass only: its gradient passes the
 * clamp unchanged.
 *
 * <p>With DJL's {@code evaluate(labels, predictions)}: predictions {@code (input, var)}, labels {@code (target)}.
 */
public final class GaussianNLLLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "GaussianNLLLoss";
  private final boolean full;
  private final double eps;

  /** The loss with PyTorch's defaults. */
  public GaussianNLLLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public GaussianNLLLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.full = kwargs().flag("full");
    this.eps = kwargs().number("eps");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray[] arguments(NDList labels, NDList predictions) {
    if (predictions.size() != 2) {
      throw new LossInputException(NAME, "predictions", "the model must output (input, var), had " + predictions.size() + " arrays");
    }
    return new NDArray[] {predictions.get(0), labels.head(), predictions.get(1)};
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "input, target, var");
    NDArray input = Inputs.floating(NAME, "input", inputs[0]);
    NDArray target = Inputs.floating(NAME, "target", inputs[1]);
    NDArray var = Inputs.floating(NAME, "var", inputs[2]);
    Inputs.broadcastable(NAME, "target", target, "input", input);
    Shape in = input.getShape();
    Shape vs = var.getShape();
    if (!vs.equals(in)) {
      int d = in.dimension();
      if (d > 0 && vs.equals(in.slice(0, d - 1))) {
        var = var.expandDims(vs.dimension());
      } else if (!(d > 0 && vs.dimension() == d && vs.slice(0, d - 1).equals(in.slice(0, d - 1)) && vs.get(d - 1) == 1)) {
        throw new LossInputException(NAME, "var", "must have the input's shape " + Inputs.show(in)
            + ", or that shape without its last dimension or with it 1; was " + Inputs.show(vs));
      }
    }
    if (var.lt(0).any().getBoolean()) {
      throw new LossInputException(NAME, "var", "has negative entries; a variance must be at least 0");
    }
    NDArray v = Ops.clampMinStraightThrough(var, eps);
    NDArray loss = v.log().add(input.sub(target).square().div(v)).mul(0.5f);
    if (full) {
      loss = loss.add((float) (0.5 * Math.log(2 * Math.PI)));
    }
    return reduce(loss);
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, GaussianNLLLoss> {
    private Builder() {
      super(GaussianNLLLoss::new);
    }

    /**
     * PyTorch's {@code full}: include the constant {@code 0.5 log(2 pi)}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder full(boolean value) {
      return set("full", value);
    }

    /**
     * PyTorch's {@code eps}: the least variance in the forward pass.
     *
     * @param value the value
     * @return this builder
     */
    public Builder eps(double value) {
      return set("eps", value);
    }
  }
}
