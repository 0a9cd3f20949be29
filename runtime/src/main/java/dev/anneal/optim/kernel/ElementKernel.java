package dev.anneal.optim.kernel;

/**
 * A fused element-wise update of one parameter over the elements {@code [from, to)}: the values
 * {@code w}, the gradient {@code g} (null for a pass over one tensor) and up to three state arrays {@code s0..s2} (the kernel's own
 * {@link #state} arrays, or chunk copies of them), all indexed by the same {@code i}.
 *
 * <p>One index for every array is what lets C2 (JDK 17) vectorize the loop: with a separate
 * offset per array ({@code w[wOff + i]}, {@code m[from + i]}) it stays scalar, measured about 14x
 * slower for Adam. So direct storage is processed by copying chunks of every array into
 * per-thread scratch arrays (see {@link Passes}), not by offsetting.
 *
 * <p>Per-step scalars live in fields written before {@link Passes#run}; runs may execute on
 * several threads at once on disjoint ranges, so {@code apply} must not write fields (sums belong
 * in a {@link ReductionKernel}).
 */
public interface ElementKernel {
  void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to);

  /** The k-th (0 to 2) state array this kernel updates element by element, or {@code null}. */
  float[] state(int k);
}
