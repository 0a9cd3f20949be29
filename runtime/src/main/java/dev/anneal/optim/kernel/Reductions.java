package dev.anneal.optim.kernel;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * Runs {@link ReductionKernel}s: each tensor is cut into fixed blocks of {@link Scratch#BLOCK}
 * elements, every block gives its partial results (on whichever thread), and the partials are
 * combined in block order. The partition depends only on the tensor sizes and the combination
 * order is fixed, so results are bit-reproducible whatever the threads do; a direct-storage block
 * is copied to the thread's scratch and reduced there by the same loop, so heap and direct give
 * the same bits too. Large reductions are split across the {@link WorkerPool}.
 */
public final class Reductions {
  private Reductions() {}

  /** The kernel's results over one parameter: {@code totals[0..sums)}. {@code grad} may be null. */
  public static void run(ReductionKernel kernel, FloatStorage values, FloatStorage grad, double[] totals) {
    ReductionJob job = ReductionJob.ofCurrentThread();
    job.single(kernel, values, grad);
    job.execute(totals);
  }

  /**
   * The kernel's results over the gradient of each parameter that has one, as the only tensor the
   * kernel reads: {@code totals[t*sums..)} for the t-th parameter with a gradient, in list order.
   * Returns how many parameters had a gradient.
   */
  public static int eachGradient(ReductionKernel kernel, List<Parameter> parameters, double[] totals) {
    ReductionJob job = ReductionJob.ofCurrentThread();
    int tensors = job.gradients(kernel, parameters);
    job.execute(totals);
    return tensors;
  }

  /** The block {@code [from, to)} of one tensor, reduced in place (heap) or through the scratch. */
  static void reduceBlock(ReductionKernel kernel, FloatStorage values, FloatStorage grad, int from, int to,
      Scratch s, double[] out, int at) {
    float[] s0 = kernel.state(0);
    float[] s1 = kernel.state(1);
    float[] s2 = kernel.state(2);
    boolean heapGrad = grad == null || grad instanceof HeapStorage;
    if (values instanceof HeapStorage hw && heapGrad && !kernel.blockLocal()) {
      kernel.reduce(hw.array(), grad == null ? null : ((HeapStorage) grad).array(), s0, s1, s2, from, to, out, at);
      return;
    }
    int len = to - from;
    float[] c0 = s0 == null ? null : s.s0;
    float[] c1 = s1 == null ? null : s.s1;
    float[] c2 = s2 == null ? null : s.s2;
    Passes.load(values, from, s.w, len);
    Passes.load(grad, from, s.g, len);
    Passes.loadState(s0, from, c0, len);
    Passes.loadState(s1, from, c1, len);
    Passes.loadState(s2, from, c2, len);
    kernel.reduce(s.w, grad == null ? null : s.g, c0, c1, c2, 0, len, out, at);
    Passes.storeState(c0, s0, from, len);
    Passes.storeState(c1, s1, from, len);
    Passes.storeState(c2, s2, from, len);
  }
}
