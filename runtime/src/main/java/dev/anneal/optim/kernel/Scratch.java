package dev.anneal.optim.kernel;

/**
 * One thread's chunk buffers for passes that touch direct storage. JDK 17's C2 does not vectorize
 * loops over a direct buffer (element access or {@code sun.misc.Unsafe} raw addresses alike), but
 * a bulk copy ({@code FloatBuffer.get(int, float[], int, int)}) runs at memcpy speed: so values,
 * gradient and the state arrays of one chunk are copied here, the kernel's array loop runs with one
 * index for all five (so it vectorizes), and what it wrote is copied back. The chunk is small
 * enough that all five stay in L1 and add no memory traffic over the in-place heap pass.
 */
final class Scratch {
  /**
   * Floats per chunk of an element pass. Small chunks keep the four or five memory streams of a
   * step all in flight (the copies of one chunk are a few hundred nanoseconds apart), large ones
   * amortize the calls: 256 measured best among 128 to 16384 (benchmarks/README.md).
   */
  static final int CHUNK = Integer.getInteger("anneal.optim.chunk", 256);

  /** Floats per block of a reduction: partial sums are taken per block, so results never depend on threads. */
  static final int BLOCK = 2048;

  private static final int SIZE = Math.max(CHUNK, BLOCK);

  final float[] w = new float[SIZE];
  final float[] g = new float[SIZE];
  final float[] s0 = new float[SIZE];
  final float[] s1 = new float[SIZE];
  final float[] s2 = new float[SIZE];

  private static final ThreadLocal<Scratch> CALLER = ThreadLocal.withInitial(Scratch::new);

  /** {@return the calling thread's scratch (allocated once per thread)} */
  static Scratch ofCurrentThread() {
    return CALLER.get();
  }
}
