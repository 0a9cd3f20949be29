package dev.anneal.optim.kernel;

/**
 * A pass that sums something over a parameter (a norm, a mean) and may update the parameter's
 * state on the way: {@link #reduce} takes one block {@code [from, to)} of the values {@code w},
 * the gradient {@code g} (null when the reduction reads one tensor only) and up to three state
 * arrays, all indexed by the same {@code i}, and writes the block's {@link #sums()} partial results
 * to {@code out[at..at+sums)}. It must not write {@code w} or {@code g}, nor any field: blocks run on
 * several threads at once. {@link Reductions} combines the blocks in index order with
 * {@link #combine}, so a result never depends on the number of threads or their timing, and is
 * the same on heap and direct storage.
 */
public interface ReductionKernel {
  void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at);

  /** The k-th (0 to 2) state array the reduction reads or updates, or {@code null}. */
  default float[] state(int k) {
    return null;
  }

  /** {@return how many results a block gives (1 to 4)} */
  default int sums() {
    return 1;
  }

  /**
   * Whether the kernel must see every block as its own arrays {@code [0, len)}, copied to the
   * thread's scratch even on heap storage: for kernels that keep elementwise terms in
   * {@link Sums#temp()} and index it by the same {@code i} as the other arrays (the only way C2
   * vectorizes such a loop).
   */
  default boolean blockLocal() {
    return false;
  }

  /** {@return the result of no block at all} */
  default double identity() {
    return 0.0;
  }

  /** Folds one block's partial result into the results of the blocks before it; a sum by default. */
  default double combine(double total, double partial) {
    return total + partial;
  }
}
