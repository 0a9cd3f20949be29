package dev.anneal.optim.kernel;

import dev.anneal.param.DirectStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;

/**
 * Runs an {@link ElementKernel} over a whole parameter in one pass, whatever the storage of its
 * values and gradient: heap arrays go to the kernel as they are; when either is a direct buffer,
 * the pass goes chunk by chunk through the thread's {@link Scratch}. Above
 * {@link #parallelThreshold()} elements the pass is split across the shared {@link WorkerPool}.
 * Nothing is allocated per call.
 */
public final class Passes {
  /** Below this many elements one thread does the pass: the hand-off costs more than it saves. */
  private static final int PARALLEL_THRESHOLD =
      Integer.getInteger("anneal.optim.parallelThreshold", 1 << 16);

  /** Tensors up to this size use the wide scratch; a field so tests can force the chunked-state path. */
  static int wideLimit = Scratch.WIDE_LIMIT;

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
    float[] s0 = kernel.state(0);
    float[] s1 = kernel.state(1);
    float[] s2 = kernel.state(2);
    if (values instanceof HeapStorage hw && grad instanceof HeapStorage hg) {
      kernel.apply(hw.array(), hg.array(), s0, s1, s2, from, to);
      return;
    }
    Scratch s = scratch != null ? scratch : Scratch.ofCurrentThread();
    if (values.size() <= wideLimit) {
      runWide(kernel, values, grad, from, to, s, s0, s1, s2);
      return;
    }
    float[] c0 = s0 == null ? null : s.s0;
    float[] c1 = s1 == null ? null : s.s1;
    float[] c2 = s2 == null ? null : s.s2;
    for (int start = from; start < to; start += Scratch.CHUNK) {
      int len = Math.min(Scratch.CHUNK, to - start);
      load(values, start, s.w, len);
      load(grad, start, s.g, len);
      if (s0 != null) {
        System.arraycopy(s0, start, c0, 0, len);
      }
      if (s1 != null) {
        System.arraycopy(s1, start, c1, 0, len);
      }
      if (s2 != null) {
        System.arraycopy(s2, start, c2, 0, len);
      }
      kernel.apply(s.w, s.g, c0, c1, c2, 0, len);
      if (values instanceof HeapStorage hw) {
        System.arraycopy(s.w, 0, hw.array(), start, len);
      } else {
        ((DirectStorage) values).floats().put(start, s.w, 0, len);
      }
      if (s0 != null) {
        System.arraycopy(c0, 0, s0, start, len);
      }
      if (s1 != null) {
        System.arraycopy(c1, 0, s1, start, len);
      }
      if (s2 != null) {
        System.arraycopy(c2, 0, s2, start, len);
      }
    }
  }

  /** Chunks of values and gradient copied to their own indices in the wide scratch; state used in place. */
  private static void runWide(ElementKernel kernel, FloatStorage values, FloatStorage grad, int from, int to, Scratch s,
      float[] s0, float[] s1, float[] s2) {
    s.wide(values.size());
    float[] w = values instanceof HeapStorage hw ? hw.array() : s.wideW;
    float[] g = grad instanceof HeapStorage hg ? hg.array() : s.wideG;
    for (int start = from; start < to; start += Scratch.CHUNK) {
      int len = Math.min(Scratch.CHUNK, to - start);
      if (w == s.wideW) {
        ((DirectStorage) values).floats().get(start, w, start, len);
      }
      if (g == s.wideG) {
        ((DirectStorage) grad).floats().get(start, g, start, len);
      }
      kernel.apply(w, g, s0, s1, s2, start, start + len);
      if (w == s.wideW) {
        ((DirectStorage) values).floats().put(start, w, start, len);
      }
    }
  }

  private static void load(FloatStorage storage, int start, float[] into, int len) {
    if (storage instanceof HeapStorage heap) {
      System.arraycopy(heap.array(), start, into, 0, len);
    } else {
      ((DirectStorage) storage).floats().get(start, into, 0, len);
    }
  }
}
