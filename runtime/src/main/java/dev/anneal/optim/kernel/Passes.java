package dev.anneal.optim.kernel;

import dev.anneal.param.DirectStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;

/**
 * Runs {@link ElementKernel}s over whole parameters, whatever the storage of their values and
 * gradient: heap arrays go to the kernel as they are; when either is a direct buffer, the pass goes
 * chunk by chunk through the thread's {@link Scratch}. Nothing is allocated per call.
 *
 * <p>Between {@link #beginBatch()} and {@link #endBatch()} (an optimizer's step) the passes are
 * queued and run together as one multi-tensor pass, as PyTorch's {@code foreach} path does: the
 * elements of all queued parameters are split evenly across the {@link WorkerPool}, which is woken
 * once per step rather than once per tensor, so many small tensors (biases, norms) cost no more per
 * element than one large one. A queued kernel must keep its fields until the batch ends, and a
 * kernel is queued at most once per batch.
 */
public final class Passes {
  /** Below this many elements one thread does the pass: the hand-off costs more than it saves. */
  private static final int PARALLEL_THRESHOLD =
      Integer.getInteger("anneal.optim.parallelThreshold", 1 << 16);

  private static final ThreadLocal<PassBatch> BATCH = ThreadLocal.withInitial(PassBatch::new);

  private Passes() {}

  public static int parallelThreshold() {
    return PARALLEL_THRESHOLD;
  }

  /**
   * One fused pass over every element: now, or at {@link #endBatch()} when a batch is open.
   * {@code grad} may be null for a pass over one tensor (the kernel then gets {@code g == null}).
   */
  public static void run(ElementKernel kernel, FloatStorage values, FloatStorage grad) {
    PassBatch batch = BATCH.get();
    batch.add(kernel, values, grad);
    if (!batch.open()) {
      batch.flush();
    }
  }

  /** Queues the following {@link #run} calls of this thread until the matching {@link #endBatch()}; nests. */
  public static void beginBatch() {
    BATCH.get().begin();
  }

  /** Closes the batch opened last; the outermost close runs every queued pass. */
  public static void endBatch() {
    BATCH.get().end();
  }

  static boolean parallel(long elements) {
    return elements >= PARALLEL_THRESHOLD && WorkerPool.shared().threads() > 1;
  }

  /** The pass over {@code [from, to)} of one parameter, with the running thread's scratch. */
  static void runRange(ElementKernel kernel, FloatStorage values, FloatStorage grad, int from, int to, Scratch s) {
    float[] s0 = kernel.state(0);
    float[] s1 = kernel.state(1);
    float[] s2 = kernel.state(2);
    if (values instanceof HeapStorage hw && (grad == null || grad instanceof HeapStorage)) {
      kernel.apply(hw.array(), grad == null ? null : ((HeapStorage) grad).array(), s0, s1, s2, from, to);
      return;
    }
    float[] g = grad == null ? null : s.g;
    float[] c0 = s0 == null ? null : s.s0;
    float[] c1 = s1 == null ? null : s.s1;
    float[] c2 = s2 == null ? null : s.s2;
    for (int start = from; start < to; start += Scratch.CHUNK) {
      int len = Math.min(Scratch.CHUNK, to - start);
      load(values, start, s.w, len);
      load(grad, start, s.g, len);
      loadState(s0, start, c0, len);
      loadState(s1, start, c1, len);
      loadState(s2, start, c2, len);
      kernel.apply(s.w, g, c0, c1, c2, 0, len);
      store(s.w, values, start, len);
      storeState(c0, s0, start, len);
      storeState(c1, s1, start, len);
      storeState(c2, s2, start, len);
    }
  }

  static void load(FloatStorage storage, int start, float[] into, int len) {
    if (storage instanceof HeapStorage heap) {
      System.arraycopy(heap.array(), start, into, 0, len);
    } else if (storage != null) {
      ((DirectStorage) storage).floats().get(start, into, 0, len);
    }
  }

  static void store(float[] from, FloatStorage storage, int start, int len) {
    if (storage instanceof HeapStorage heap) {
      System.arraycopy(from, 0, heap.array(), start, len);
    } else {
      ((DirectStorage) storage).floats().put(start, from, 0, len);
    }
  }

  static void loadState(float[] state, int start, float[] chunk, int len) {
    if (state != null) {
      System.arraycopy(state, start, chunk, 0, len);
    }
  }

  static void storeState(float[] chunk, float[] state, int start, int len) {
    if (state != null) {
      System.arraycopy(chunk, 0, state, start, len);
    }
  }
}
