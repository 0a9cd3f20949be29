package dev.anneal.optim.kernel;

/**
 * One thread's chunk buffers for passes that touch direct storage: values, gradient and the three
 * state arrays are bulk-copied here (memcpy speed), the kernel's array loop runs with one index
 * for all five (so it vectorizes), and what it wrote is copied back.
 */
final class Scratch {
  /** 2048 floats each: five chunks stay inside L1/L2. */
  static final int CHUNK = 2048;

  final float[] w = new float[CHUNK];
  final float[] g = new float[CHUNK];
  final float[] s0 = new float[CHUNK];
  final float[] s1 = new float[CHUNK];
  final float[] s2 = new float[CHUNK];

  /** Tensors up to this many floats use {@link #wide}: 16 MB per array per thread at most. */
  static final int WIDE_LIMIT = Integer.getInteger("anneal.optim.wideScratchLimit", 1 << 22);

  /**
   * Values and gradient in the parameter's own index space, grown to the largest tensor seen (up to
   * {@link #WIDE_LIMIT}): a chunk copied to its own indices here lines up with the state arrays,
   * so only values and gradient are copied, not the state. Grows once, never per step.
   */
  float[] wideW = new float[0];
  float[] wideG = new float[0];

  /** Makes the wide arrays hold at least {@code size} floats. */
  void wide(int size) {
    if (wideW.length < size) {
      wideW = new float[size];
      wideG = new float[size];
    }
  }

  private static final ThreadLocal<Scratch> CALLER = ThreadLocal.withInitial(Scratch::new);

  /** The calling thread's scratch (allocated once per thread). */
  static Scratch ofCurrentThread() {
    return CALLER.get();
  }
}
