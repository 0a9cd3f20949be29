package dev.anneal.optim.kernel;

/**
 * One thread's buffers for direct storage: a run of values and gradients is bulk-copied here, the
 * kernel's array loop (which the JIT vectorizes) runs on it, and the values are copied back.
 * JDK 17 does not vectorize a loop over a direct {@code FloatBuffer}; bulk copies are memcpy.
 */
final class Scratch {
  /** 4096 floats each: two runs plus the state arrays' runs stay within L1/L2. */
  static final int CHUNK = 4096;

  final float[] w = new float[CHUNK];
  final float[] g = new float[CHUNK];

  private static final ThreadLocal<Scratch> CALLER = ThreadLocal.withInitial(Scratch::new);

  /** The calling thread's scratch (allocated once per thread). */
  static Scratch ofCurrentThread() {
    return CALLER.get();
  }
}
