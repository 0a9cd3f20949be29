package dev.anneal.optim.kernel;

import dev.anneal.param.FloatStorage;
import java.util.Arrays;

/**
 * The element passes one thread queued during a step, run as one multi-tensor pass: the queued
 * parameters' elements, end to end, are cut into one equal share per thread (on multiples of 64
 * elements), and each thread walks the tensors its share overlaps. The arrays grow to the most
 * passes a step has queued and are then reused: nothing is allocated in steady state.
 */
final class PassBatch implements WorkerPool.Job {
  private static final int ALIGN = 64;

  private ElementKernel[] kernels = new ElementKernel[16];
  private FloatStorage[] values = new FloatStorage[16];
  private FloatStorage[] grads = new FloatStorage[16];
  /** ends[k]: elements of passes 0..k together, so pass k covers [ends[k-1], ends[k]). */
  private long[] ends = new long[16];
  private int count;
  private int depth;

  boolean open() {
    return depth > 0;
  }

  void begin() {
    depth++;
  }

  void end() {
    if (depth == 0) {
      throw new IllegalStateException("endBatch without beginBatch");
    }
    if (--depth == 0) {
      flush();
    }
  }

  void add(ElementKernel kernel, FloatStorage values, FloatStorage grad) {
    if (grad != null && grad.size() != values.size()) {
      throw new IllegalArgumentException("gradient holds " + grad.size() + " values, the parameter holds " + values.size());
    }
    if (count == kernels.length) {
      int n = count * 2;
      kernels = Arrays.copyOf(kernels, n);
      this.values = Arrays.copyOf(this.values, n);
      grads = Arrays.copyOf(grads, n);
      ends = Arrays.copyOf(ends, n);
    }
    kernels[count] = kernel;
    this.values[count] = values;
    grads[count] = grad;
    ends[count] = total() + values.size();
    count++;
  }

  private long total() {
    return count == 0 ? 0 : ends[count - 1];
  }

  /** Runs every queued pass (split across the pool when large enough) and empties the batch. */
  void flush() {
    if (count == 0) {
      return;
    }
    try {
      if (Passes.parallel(total())) {
        WorkerPool.shared().run(this);
      } else {
        runPart(0, 1, Scratch.ofCurrentThread());
      }
    } finally {
      Arrays.fill(kernels, 0, count, null);
      Arrays.fill(values, 0, count, null);
      Arrays.fill(grads, 0, count, null);
      count = 0;
    }
  }

  @Override
  public void runPart(int part, int parts, Scratch scratch) {
    long from = bound(part, parts);
    long to = bound(part + 1, parts);
    long start = 0;
    for (int k = 0; k < count && start < to; k++) {
      long end = ends[k];
      if (end > from) {
        int a = (int) (Math.max(from, start) - start);
        int b = (int) (Math.min(to, end) - start);
        if (a < b) {
          Passes.runRange(kernels[k], values[k], grads[k], a, b, scratch);
        }
      }
      start = end;
    }
  }

  private long bound(int part, int parts) {
    long total = total();
    if (part == parts) {
      return total;
    }
    return Math.min(total, total * part / parts / ALIGN * ALIGN);
  }
}
