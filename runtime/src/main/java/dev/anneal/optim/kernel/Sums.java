package dev.anneal.optim.kernel;

/**
 * Sums over one block for {@link ReductionKernel}s, in double with eight partial sums: a single
 * running sum is a chain of dependent adds (one add latency per element, slower than streaming
 * the memory), eight independent ones keep the adder busy. The order is fixed, so the result is
 * too. Elementwise terms that need computing first (an update direction, a ratio) go to the
 * thread's {@link #temp()} block in a loop C2 vectorizes (indexed like the other arrays, so the
 * kernel declares {@link ReductionKernel#blockLocal()}), and are summed from there.
 */
public final class Sums {
  private static final ThreadLocal<float[]> TEMP = ThreadLocal.withInitial(() -> new float[Scratch.BLOCK]);

  private Sums() {}

  /** {@return the calling thread's block-sized scratch for elementwise terms (at least {@link #block()} floats)} */
  public static float[] temp() {
    return TEMP.get();
  }

  /** {@return the most elements a reduction block holds} */
  public static int block() {
    return Scratch.BLOCK;
  }

  /** {@code sum(a[i])} over {@code [from, to)}. */
  public static double sum(float[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = from;
    for (; i + 7 < to; i += 8) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
      s4 += a[i + 4];
      s5 += a[i + 5];
      s6 += a[i + 6];
      s7 += a[i + 7];
    }
    for (; i < to; i++) {
      s0 += a[i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** {@code sum(a[i] * a[i])} over {@code [from, to)}, the squares taken in double. */
  public static double squares(float[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = from;
    for (; i + 7 < to; i += 8) {
      double v0 = a[i];
      double v1 = a[i + 1];
      double v2 = a[i + 2];
      double v3 = a[i + 3];
      double v4 = a[i + 4];
      double v5 = a[i + 5];
      double v6 = a[i + 6];
      double v7 = a[i + 7];
      s0 += v0 * v0;
      s1 += v1 * v1;
      s2 += v2 * v2;
      s3 += v3 * v3;
      s4 += v4 * v4;
      s5 += v5 * v5;
      s6 += v6 * v6;
      s7 += v7 * v7;
    }
    for (; i < to; i++) {
      double v = a[i];
      s0 += v * v;
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** {@code sum(|a[i]|)} over {@code [from, to)}. */
  public static double abs(float[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += Math.abs(a[i]);
      s1 += Math.abs(a[i + 1]);
      s2 += Math.abs(a[i + 2]);
      s3 += Math.abs(a[i + 3]);
    }
    for (; i < to; i++) {
      s0 += Math.abs(a[i]);
    }
    return (s0 + s1) + (s2 + s3);
  }
}
