package dev.anneal.optim.kernel;

import dev.anneal.param.DirectStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;

/**
 * Runs an {@link ElementKernel} over a whole parameter in one pass, whatever the storage of its
 * values and gradient: heap arrays are handed to the kernel directly; direct buffers go through a
 * per-thread scratch copy in chunks. Above {@link #parallelThreshold()} elements the pass is split
 * across the shared {@link WorkerPool}. Nothing is allocated per call.
 */
public final class Passes {
  /** Below this many elements one thread does the pass: the hand-off costs more than it saves. */
  private static final int PARALLEL_THRESHOLD =
      Integer.getInteger("anneal.optim.parallelThreshold", 1 << 16);

  private Passes() {}

  public static int parallelThreshold() {
    return PARALLEL_THRESHOLD;
  }

  /** One fused pass over every element; split across cores when the parameter is large. */
  public static void run(ElementKernel kernel, FloatStorage values, FloatStorage grad) {
    int n = values.size();
    if (n >= PARALLEL_THRESHOLD && WorkerPool.shared().threads() > 1) {
      WorkerPool.shared().run(kernel, values, grad, n);
    } else {
      runRange(kernel, values, grad, 0, n, null);
    }
  }

  /** One pass on the calling thread only, for kernels that accumulate (norms, means) in fields. */
  public static void runSerial(ElementKernel kernel, FloatStorage values, FloatStorage grad) {
    runRange(kernel, values, grad, 0, values.size(), null);
  }

  /** The pass over {@code [from, to)}; {@code scratch} is the running thread's, or null to look it up. */
  static void runRange(ElementKernel kernel, FloatStorage values, FloatStorage grad, int from, int to, Scratch scratch) {
    if (values instanceof HeapStorage hw && grad instanceof HeapStorage hg) {
      kernel.apply(hw.array(), from, hg.array(), from, from, to - from);
      return;
    }
    Scratch s = scratch != null ? scratch : Scratch.ofCurrentThread();
    for (int start = from; start < to; start += Scratch.CHUNK) {
      int len = Math.min(Scratch.CHUNK, to - start);
      float[] w;
      int wOff;
      if (values instanceof HeapStorage hw) {
        w = hw.array();
        wOff = start;
      } else {
        ((DirectStorage) values).floats().get(start, s.w, 0, len);
        w = s.w;
        wOff = 0;
      }
      float[] g;
      int gOff;
      if (grad instanceof HeapStorage hg) {
        g = hg.array();
        gOff = start;
      } else {
        ((DirectStorage) grad).floats().get(start, s.g, 0, len);
        g = s.g;
        gOff = 0;
      }
      kernel.apply(w, wOff, g, gOff, start, len);
      if (w == s.w) {
        ((DirectStorage) values).floats().put(start, s.w, 0, len);
      }
    }
  }
}
