package dev.anneal.benchmarks.optim;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why kernels index every array alike and direct storage goes through scratch chunks: the Adam
 * element update on one 1M-float tensor, single thread, (a) on float[] with one index for all
 * arrays (C2 vectorizes it), (b) on float[] with a separate offset per array (C2 on JDK 17 does
 * not vectorize it), (c) reading and writing a direct FloatBuffer element by element (not
 * vectorized), (d) bulk-copying 2048-float chunks of every array into scratch arrays, running (a)
 * on them and copying back (what Anneal does for direct storage).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DirectAccessBenchmark {
  private static final int CHUNK = 2048;
  private float[] w;
  private float[] g;
  private float[] m;
  private float[] v;
  private FloatBuffer dw;
  private FloatBuffer dg;
  private final float[] sw = new float[CHUNK];
  private final float[] sg = new float[CHUNK];
  private final float[] sm = new float[CHUNK];
  private final float[] sv = new float[CHUNK];
  private final float[] wideW = new float[Shapes.SIZE];
  private final float[] wideG = new float[Shapes.SIZE];

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    w = Shapes.random(random, Shapes.SIZE, 1.0);
    g = Shapes.random(random, Shapes.SIZE, 0.01);
    m = new float[Shapes.SIZE];
    v = new float[Shapes.SIZE];
    dw = ByteBuffer.allocateDirect(Shapes.SIZE * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    dg = ByteBuffer.allocateDirect(Shapes.SIZE * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    dw.put(0, w);
    dg.put(0, g);
  }

  private static void adam(float[] w, float[] g, float[] m, float[] v, int from, int to) {
    for (int i = from; i < to; i++) {
      float d = g[i];
      float mi = m[i] + 0.1f * (d - m[i]);
      float vi = 0.999f * v[i] + 0.001f * (d * d);
      m[i] = mi;
      v[i] = vi;
      w[i] = w[i] + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f));
    }
  }

  private static void adamOffsets(float[] w, int wOff, float[] g, int gOff, float[] m, float[] v, int from, int len) {
    for (int i = 0; i < len; i++) {
      float d = g[gOff + i];
      float mi = m[from + i] + 0.1f * (d - m[from + i]);
      float vi = 0.999f * v[from + i] + 0.001f * (d * d);
      m[from + i] = mi;
      v[from + i] = vi;
      w[wOff + i] = w[wOff + i] + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f));
    }
  }

  @Benchmark
  public void heapOneIndex() {
    adam(w, g, m, v, 0, Shapes.SIZE);
  }

  @Benchmark
  public void heapOffsets() {
    adamOffsets(w, 0, g, 0, m, v, 0, Shapes.SIZE);
  }

  @Benchmark
  public void directPerElement() {
    FloatBuffer dw = this.dw;
    FloatBuffer dg = this.dg;
    for (int i = 0; i < Shapes.SIZE; i++) {
      float d = dg.get(i);
      float mi = m[i] + 0.1f * (d - m[i]);
      float vi = 0.999f * v[i] + 0.001f * (d * d);
      m[i] = mi;
      v[i] = vi;
      dw.put(i, dw.get(i) + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f)));
    }
  }

  @Benchmark
  public void directScratch() {
    for (int start = 0; start < Shapes.SIZE; start += CHUNK) {
      int len = Math.min(CHUNK, Shapes.SIZE - start);
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

  @Benchmark
  public void directWide() {
    for (int start = 0; start < Shapes.SIZE; start += CHUNK) {
      int len = Math.min(CHUNK, Shapes.SIZE - start);
      dw.get(start, wideW, start, len);
      dg.get(start, wideG, start, len);
      adam(wideW, wideG, m, v, start, start + len);
      dw.put(start, wideW, start, len);
    }
  }
}
