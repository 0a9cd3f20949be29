package dev.anneal.optim.kernel;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's reduction over one or many tensors: blocks are numbered across the tensors, the
 * threads take equal runs of blocks and write each block's partials to its own slot, and the caller
 * then combines the slots tensor by tensor in block order. The arrays grow to the largest
 * reduction seen and are reused: nothing is allocated in steady state.
 */
final class ReductionJob implements WorkerPool.Job {
  private static final ThreadLocal<ReductionJob> CALLER = ThreadLocal.withInitial(ReductionJob::new);

  private ReductionKernel kernel;
  private FloatStorage[] values = new FloatStorage[16];
  private FloatStorage[] grads = new FloatStorage[16];
  /** firstBlock[t]: the number of the t-th tensor's first block; firstBlock[count]: all blocks. */
  private int[] firstBlock = new int[17];
  private int count;
  private long elements;
  private double[] partials = new double[64];

  static ReductionJob ofCurrentThread() {
    return CALLER.get();
  }

  void single(ReductionKernel kernel, FloatStorage values, FloatStorage grad) {
    if (grad != null && grad.size() != values.size()) {
      throw new IllegalArgumentException("gradient holds " + grad.size() + " values, the parameter holds " + values.size());
    }
    this.kernel = kernel;
    count = 0;
    elements = 0;
    add(values, grad);
  }

  int gradients(ReductionKernel kernel, List<Parameter> parameters) {
    this.kernel = kernel;
    count = 0;
    elements = 0;
    for (int i = 0, n = parameters.size(); i < n; i++) {
      FloatStorage grad = parameters.get(i).grad();
      if (grad != null) {
        add(grad, null);
      }
    }
    return count;
  }

  private void add(FloatStorage tensor, FloatStorage grad) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
      grads = Arrays.copyOf(grads, count * 2);
      firstBlock = Arrays.copyOf(firstBlock, count * 2 + 1);
    }
    values[count] = tensor;
    grads[count] = grad;
    int blocks = (tensor.size() + Scratch.BLOCK - 1) / Scratch.BLOCK;
    firstBlock[count + 1] = Math.addExact(firstBlock[count], blocks);
    elements += tensor.size();
    count++;
  }

  /** Runs the blocks and writes each tensor's combined results to {@code totals[t*sums..)}. */
  void execute(double[] totals) {
    int sums = kernel.sums();
    if (totals.length < count * sums) {
      throw new IllegalArgumentException("totals holds " + totals.length + " values, " + count * sums + " are needed");
    }
    int blocks = firstBlock[count];
    if (partials.length < blocks * sums) {
      partials = new double[Math.max(blocks * sums, partials.length * 2)];
    }
    try {
      if (Passes.parallel(elements)) {
        WorkerPool.shared().run(this);
      } else {
        runPart(0, 1, Scratch.ofCurrentThread());
      }
      for (int t = 0; t < count; t++) {
        for (int j = 0; j < sums; j++) {
          double total = kernel.identity();
          for (int b = firstBlock[t]; b < firstBlock[t + 1]; b++) {
            total = kernel.combine(total, partials[b * sums + j]);
          }
          totals[t * sums + j] = total;
        }
      }
    } finally {
      Arrays.fill(values, 0, count, null);
      Arrays.fill(grads, 0, count, null);
      kernel = null;
    }
  }

  @Override
  public void runPart(int part, int parts, Scratch scratch) {
    int blocks = firstBlock[count];
    int from = (int) ((long) blocks * part / parts);
    int to = (int) ((long) blocks * (part + 1) / parts);
    int sums = kernel.sums();
    int t = 0;
    for (int b = from; b < to; b++) {
      while (firstBlock[t + 1] <= b) {
        t++;
      }
      int start = (b - firstBlock[t]) * Scratch.BLOCK;
      int end = Math.min(values[t].size(), start + Scratch.BLOCK);
      Reductions.reduceBlock(kernel, values[t], grads[t], start, end, scratch, partials, b * sums);
    }
  }
}
