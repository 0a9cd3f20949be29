package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;

/**
 * PyTorch's {@code reduction} argument: how the per-element losses become the returned value.
 * {@link #BATCHMEAN} exists for {@link KLDivLoss} only (the sum divided by the batch size, the
 * mathematically correct KL divergence).
 */
public enum Reduction {
  MEAN("mean"),
  SUM("sum"),
  NONE("none"),
  BATCHMEAN("batchmean");

  private final String pytorchName;

  Reduction(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** {@return the value as PyTorch spells it} */
  public String pytorchName() {
    return pytorchName;
  }

  /** The reduction PyTorch calls {@code name}; {@code loss} names the loss in the message. */
  public static Reduction of(String loss, String name) {
    for (Reduction r : values()) {
      if (r.pytorchName.equals(name)) {
        return r;
      }
    }
    throw new LossInputException(loss, "reduction", "must be one of 'mean', 'sum', 'none'"
        + (loss.equals("KLDivLoss") ? ", 'batchmean'" : "") + ", was '" + name + "'");
  }

  /** PyTorch's {@code apply_loss_reduction}: the mean of no elements is NaN, their sum 0. */
  NDArray apply(NDArray elementwise) {
    return switch (this) {
      case MEAN -> elementwise.mean();
      case SUM -> elementwise.sum();
      case NONE -> elementwise;
      case BATCHMEAN -> throw new IllegalStateException("batchmean is KLDivLoss's own: see batchMean");
    };
  }

  /** {@code 'batchmean'}: the sum divided by the input's first dimension (the sum for a 0-d input). */
  static NDArray batchMean(NDArray elementwise, NDArray input) {
    return input.getShape().dimension() == 0 ? elementwise.sum() : elementwise.sum().div((float) input.getShape().get(0));
  }
}
