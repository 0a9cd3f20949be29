package dev.anneal.benchmarks.optim;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sun.misc.Unsafe;

/**
 * The ways to run Adam's element update over direct (off-heap) values and gradient on JDK 17,
 * one thread, {@code size} floats (10M: far beyond the caches), against the heap floor:
 * <ul>
 *   <li>{@code heapFloor}, {@code heapInPlace}: float[] with one index for every array (C2 vectorizes);
 *   <li>{@code directPerElement}: {@code FloatBuffer.get(i)/put(i)} (not vectorized);
 *   <li>{@code unsafeRaw}: {@code sun.misc.Unsafe} raw-address loads and stores (not vectorized
 *       either: C2 17 cannot analyse raw addresses as vector memory references);
 *   <li>{@code wide}: chunks of values and gradient copied to their own indices in tensor-sized
 *       scratch, state in place (Anneal's default before issue 13: each scratch line costs a
 *       read-for-ownership and a write-back, about 16 bytes per element on top of 28);
 *   <li>{@code chunkAll}: {@code chunk} floats of all four arrays copied into small scratch arrays
 *       that stay in L1, the loop run there, and copied back (Anneal's default now, chunk 256);
 *   <li>{@code heapChunked}: {@code chunkAll} on heap values and gradient, to tell the cost of the
 *       copies from that of direct memory;
 *   <li>{@code offsetState}: values and gradient through the chunks, the state indexed in place
 *       at the chunk's offset (saves two copies, but the loop no longer vectorizes);
 *   <li>{@code chunkedState}: state kept as chunk-sized arrays, so that only values and gradient
 *       are copied.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class DirectAccessBenchmark {
  @Param({"10000000"})
  public int size;

  @Param({"256"})
  public int chunk;

  private static final Unsafe UNSAFE;
  private static final long ADDRESS;

  static {
    try {
      Field f = Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      UNSAFE = (Unsafe) f.get(null);
      ADDRESS = UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private float[] w;
  private float[] g;
  private float[] m;
  private float[] v;
  private FloatBuffer dw;
  private FloatBuffer dg;
  private long aw;
  private long ag;
  private float[] sw;
  private float[] sg;
  private float[] sm;
  private float[] sv;
  private float[] wideW;
  private float[] wideG;
  private float[][] chunkM;
  private float[][] chunkV;

  @Setup(Level.Trial)
  public void setUp() {
    float[][] inputs = inputs(size);
    w = inputs[0];
    g = inputs[1];
    m = inputs[2];
    v = inputs[3];
    ByteBuffer bw = direct(w);
    ByteBuffer bg = direct(g);
    dw = bw.asFloatBuffer();
    dg = bg.asFloatBuffer();
    aw = UNSAFE.getLong(bw, ADDRESS);
    ag = UNSAFE.getLong(bg, ADDRESS);
    sw = new float[chunk];
    sg = new float[chunk];
    sm = new float[chunk];
    sv = new float[chunk];
    wideW = new float[size];
    wideG = new float[size];
    int chunks = (size + chunk - 1) / chunk;
    chunkM = new float[chunks][];
    chunkV = new float[chunks][];
    for (int k = 0; k < chunks; k++) {
      chunkM[k] = new float[Math.min(chunk, size - k * chunk)];
      chunkV[k] = new float[chunkM[k].length];
    }
  }

  /** Adam's values, gradient and two zero state arrays of {@code size} floats, the same every time. */
  static float[][] inputs(int size) {
    SplittableRandom random = new SplittableRandom(1);
    return new float[][] {Workload.random(random, size, 1.0), Workload.random(random, size, 0.01), new float[size], new float[size]};
  }

  /** A direct, native-order copy of {@code values}. */
  static ByteBuffer direct(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
    buffer.asFloatBuffer().put(0, values);
    return buffer;
  }

  /** Adam's update (fixed hyperparameters) on heap arrays, one index for all four: C2 vectorizes it. */
  static void adam(float[] w, float[] g, float[] m, float[] v, int from, int to) {
    for (int i = from; i < to; i++) {
      float d = g[i];
      float mi = m[i] + 0.1f * (d - m[i]);
      float vi = 0.999f * v[i] + 0.001f * (d * d);
      m[i] = mi;
      v[i] = vi;
      w[i] = w[i] + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f));
    }
  }

  @Benchmark
  public void heapFloor() {
    float[] w = this.w;
    float[] g = this.g;
    float[] m = this.m;
    float[] v = this.v;
    for (int i = 0; i < size; i++) {
      float gi = g[i];
      m[i] += gi;
      v[i] += gi;
      w[i] += gi;
    }
  }

  @Benchmark
  public void heapInPlace() {
    adam(w, g, m, v, 0, size);
  }

  @Benchmark
  public void directPerElement() {
    FloatBuffer dw = this.dw;
    FloatBuffer dg = this.dg;
    for (int i = 0; i < size; i++) {
      float d = dg.get(i);
      float mi = m[i] + 0.1f * (d - m[i]);
      float vi = 0.999f * v[i] + 0.001f * (d * d);
      m[i] = mi;
      v[i] = vi;
      dw.put(i, dw.get(i) + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f)));
    }
  }

  @Benchmark
  public void unsafeRaw() {
    long pw = aw;
    long pg = ag;
    float[] m = this.m;
    float[] v = this.v;
    for (int i = 0; i < size; i++) {
      long o = (long) i << 2;
      float d = UNSAFE.getFloat(pg + o);
      float mi = m[i] + 0.1f * (d - m[i]);
      float vi = 0.999f * v[i] + 0.001f * (d * d);
      m[i] = mi;
      v[i] = vi;
      UNSAFE.putFloat(pw + o, UNSAFE.getFloat(pw + o) + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f)));
    }
  }

  @Benchmark
  public void wide() {
    for (int start = 0; start < size; start += 2048) {
      int len = Math.min(2048, size - start);
      dw.get(start, wideW, start, len);
      dg.get(start, wideG, start, len);
      adam(wideW, wideG, m, v, start, start + len);
      dw.put(start, wideW, start, len);
    }
  }

  @Benchmark
  public void chunkAll() {
    chunkAll(dw, dg, m, v, sw, sg, sm, sv);
  }

  /** Anneal's path: chunks of the four arrays (the scratch arrays' length) through the scratch and back. */
  static void chunkAll(FloatBuffer dw, FloatBuffer dg, float[] m, float[] v, float[] sw, float[] sg, float[] sm, float[] sv) {
    int size = m.length;
    int chunk = sw.length;
    for (int start = 0; start < size; start += chunk) {
      int len = Math.min(chunk, size - start);
      dw.get(start, sw, 0, len);
      dg.get(start, sg, 0, len);
      System.arraycopy(m, start, sm, 0, len);
      System.arraycopy(v, start, sv, 0, len);
      adam(sw, sg, sm, sv, 0, len);
      dw.put(start, sw, 0, len);
      System.arraycopy(sm, 0, m, start, len);
      System.arraycopy(sv, 0, v, start, len);
    }
  }

  /** {@link #chunkAll} with heap values and gradient: what the chunk copies cost without direct memory. */
  @Benchmark
  public void heapChunked() {
    for (int start = 0; start < size; start += chunk) {
      int len = Math.min(chunk, size - start);
      System.arraycopy(w, start, sw, 0, len);
      System.arraycopy(g, start, sg, 0, len);
      System.arraycopy(m, start, sm, 0, len);
      System.arraycopy(v, start, sv, 0, len);
      adam(sw, sg, sm, sv, 0, len);
      System.arraycopy(sw, 0, w, start, len);
      System.arraycopy(sm, 0, m, start, len);
      System.arraycopy(sv, 0, v, start, len);
    }
  }

  /** Values and gradient through L1 chunks, the state read in place at the chunk's offset (C2 17 does not vectorize it). */
  @Benchmark
  public void offsetState() {
    float[] m = this.m;
    float[] v = this.v;
    for (int start = 0; start < size; start += chunk) {
      int len = Math.min(chunk, size - start);
      dw.get(start, sw, 0, len);
      dg.get(start, sg, 0, len);
      for (int i = 0; i < len; i++) {
        float d = sg[i];
        float mi = m[start + i] + 0.1f * (d - m[start + i]);
        float vi = 0.999f * v[start + i] + 0.001f * (d * d);
        m[start + i] = mi;
        v[start + i] = vi;
        sw[i] = sw[i] + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f));
      }
      dw.put(start, sw, 0, len);
    }
  }

  @Benchmark
  public void chunkedState() {
    for (int start = 0, k = 0; start < size; start += chunk, k++) {
      int len = Math.min(chunk, size - start);
      dw.get(start, sw, 0, len);
      dg.get(start, sg, 0, len);
      adam(sw, sg, chunkM[k], chunkV[k], 0, len);
      dw.put(start, sw, 0, len);
    }
  }
}
