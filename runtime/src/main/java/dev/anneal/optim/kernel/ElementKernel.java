package dev.anneal.optim.kernel;

/**
 * A fused element-wise update over one run of a parameter: reads and writes the values
 * {@code w[wOff, wOff + len)}, reads the gradient {@code g[gOff, gOff + len)}, and keeps its own
 * state arrays at the parameter's indices {@code [from, from + len)}.
 *
 * <p>The offsets let the same loop serve heap storage (the backing arrays themselves) and direct
 * storage (a per-thread scratch copy of the run). Implementations hold their per-step scalars in
 * fields written before {@link Passes#run}; runs may execute on several threads at once, on
 * disjoint ranges, so a kernel must not write shared fields while it runs.
 */
@FunctionalInterface
public interface ElementKernel {
  void apply(float[] w, int wOff, float[] g, int gOff, int from, int len);
}
