package dev.anneal.benchmarks.optim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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

/**
 * Whether JDK 17's incubating Vector API would take Adam's update on direct values and gradient to
 * the heap floor: {@code vectorDirect} loads and stores the direct buffers as vectors (no copy), the
 * state on heap, against {@link DirectAccessBenchmark}'s {@code heapInPlace} loop and its
 * {@code chunkAll} path (Anneal's), one thread, in the same fork. The module needs
 * {@code --add-modules jdk.incubator.vector} at compile and run time, which is why Anneal does not
 * use it by default; this benchmark only measures the route.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class VectorApiBenchmark {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  @Param({"10000000"})
  public int size;

  private float[] w;
  private float[] g;
  private float[] m;
  private float[] v;
  private ByteBuffer dw;
  private ByteBuffer dg;
  private FloatBuffer fw;
  private FloatBuffer fg;
  private final float[] sw = new float[256];
  private final float[] sg = new float[256];
  private final float[] sm = new float[256];
  private final float[] sv = new float[256];

  @Setup(Level.Trial)
  public void setUp() {
    float[][] inputs = DirectAccessBenchmark.inputs(size);
    w = inputs[0];
    g = inputs[1];
    m = inputs[2];
    v = inputs[3];
    dw = DirectAccessBenchmark.direct(w);
    dg = DirectAccessBenchmark.direct(g);
    fw = dw.asFloatBuffer();
    fg = dg.asFloatBuffer();
  }

  @Benchmark
  public void heapInPlace() {
    DirectAccessBenchmark.adam(w, g, m, v, 0, size);
  }

  @Benchmark
  public void chunkAll() {
    DirectAccessBenchmark.chunkAll(fw, fg, m, v, sw, sg, sm, sv);
  }

  @Benchmark
  public void vectorDirect() {
    ByteOrder order = ByteOrder.nativeOrder();
    int i = 0;
    for (int bound = SPECIES.loopBound(size); i < bound; i += SPECIES.length()) {
      FloatVector d = FloatVector.fromByteBuffer(SPECIES, dg, i * 4, order);
      FloatVector mo = FloatVector.fromArray(SPECIES, m, i);
      FloatVector mi = mo.add(d.sub(mo).mul(0.1f));
      FloatVector vi = FloatVector.fromArray(SPECIES, v, i).mul(0.999f).add(d.mul(d).mul(0.001f));
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      FloatVector wi = FloatVector.fromByteBuffer(SPECIES, dw, i * 4, order);
      wi.add(mi.div(vi.sqrt().div(0.5f).add(1e-8f)).mul(-1e-3f)).intoByteBuffer(dw, i * 4, order);
    }
    for (; i < size; i++) {
      float d = dg.getFloat(i * 4);
      float mi = m[i] + 0.1f * (d - m[i]);
      float vi = 0.999f * v[i] + 0.001f * (d * d);
      m[i] = mi;
      v[i] = vi;
      dw.putFloat(i * 4, dw.getFloat(i * 4) + -1e-3f * (mi / ((float) Math.sqrt(vi) / 0.5f + 1e-8f)));
    }
  }
}
