package dev.anneal.grad;

import dev.anneal.optim.kernel.ReductionKernel;
import dev.anneal.optim.kernel.Sums;

/**
 * {@code torch.linalg.vector_norm} of one tensor as {@link ReductionKernel}s, so that gradient
 * norms run as parallel block sums combined in a fixed order (bit-reproducible, the same on heap
 * and direct storage), accumulated in double. {@link #of} gives the kernel, {@link #finish} turns
 * its combined result into the norm.
 */
final class Norms {
  private Norms() {}

  /** Sum of squares (eight partial sums per block, see {@link Sums}). */
  static final ReductionKernel TWO = (w, g, s0, s1, s2, from, to, out, at) -> out[at] = Sums.squares(w, from, to);

  static final ReductionKernel ONE = (w, g, s0, s1, s2, from, to, out, at) -> out[at] = Sums.abs(w, from, to);

  /** Count of non-zeros; NaN counts as non-zero, as in PyTorch. */
  static final ReductionKernel ZERO = (w, g, s0, s1, s2, from, to, out, at) -> {
    int nonZero = 0;
    for (int i = from; i < to; i++) {
      nonZero += w[i] != 0 ? 1 : 0;
    }
    out[at] = nonZero;
  };

  /** Largest magnitude; any NaN makes it NaN ({@code Math.max} keeps NaN). */
  static final ReductionKernel MAX = new ReductionKernel() {
    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      float max = 0f;
      for (int i = from; i < to; i++) {
        max = Math.max(max, Math.abs(w[i]));
      }
      out[at] = max;
    }

    @Override
    public double combine(double total, double partial) {
      return Math.max(total, partial);
    }
  };

  /** Smallest magnitude; any NaN makes it NaN. */
  static final ReductionKernel MIN = new ReductionKernel() {
    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      float min = Float.POSITIVE_INFINITY;
      for (int i = from; i < to; i++) {
        min = Math.min(min, Math.abs(w[i]));
      }
      out[at] = min;
    }

    @Override
    public double identity() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public double combine(double total, double partial) {
      return Math.min(total, partial);
    }
  };

  /** Sum of {@code |x|^p} for any other order (allocated per call: rare orders only). */
  private record Power(double ord) implements ReductionKernel {
    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += Math.pow(Math.abs((double) w[i]), ord);
      }
      out[at] = sum;
    }
  }

  static ReductionKernel of(double ord) {
    if (ord == 2) {
      return TWO;
    }
    if (ord == 1) {
      return ONE;
    }
    if (ord == 0) {
      return ZERO;
    }
    if (ord == Double.POSITIVE_INFINITY) {
      return MAX;
    }
    if (ord == Double.NEGATIVE_INFINITY) {
      return MIN;
    }
    return new Power(ord);
  }

  /** The norm from the kernel's combined result. */
  static double finish(double total, double ord) {
    if (ord == 2) {
      return Math.sqrt(total);
    }
    if (ord == 1 || ord == 0 || Double.isInfinite(ord)) {
      return total;
    }
    return Math.pow(total, 1.0 / ord);
  }
}
