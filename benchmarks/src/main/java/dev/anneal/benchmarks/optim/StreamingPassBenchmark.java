package dev.anneal.benchmarks.optim;

import dev.anneal.optim.kernel.ElementKernel;
import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
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

/**
 * The floor: a plain pass over heap arrays that reads and writes the bytes an optimizer step
 * must (Adam: reads w, g, m, v and writes w, m, v; SGD with momentum: reads w, g, b and writes w,
 * b), with one add per written float, split across the same threads as the kernels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class StreamingPassBenchmark {
  /** adam: 4 reads + 3 writes per float; sgd: 3 reads + 2 writes. */
  @Param({"adam", "sgd"})
  public String traffic;

  private FloatStorage[] values;
  private FloatStorage[] grads;
  private ElementKernel[] passes;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    values = new FloatStorage[Shapes.TENSORS];
    grads = new FloatStorage[Shapes.TENSORS];
    passes = new ElementKernel[Shapes.TENSORS];
    for (int t = 0; t < Shapes.TENSORS; t++) {
      values[t] = Shapes.storage(Shapes.random(random, Shapes.SIZE, 1.0), false);
      grads[t] = Shapes.storage(Shapes.random(random, Shapes.SIZE, 0.01), false);
      float[] a = new float[Shapes.SIZE];
      float[] b = new float[Shapes.SIZE];
      passes[t] = traffic.equals("sgd") ? new SgdTraffic(a) : new AdamTraffic(a, b);
    }
  }

  @Benchmark
  public void pass() {
    for (int t = 0; t < values.length; t++) {
      Passes.run(passes[t], values[t], grads[t]);
    }
  }

  private record AdamTraffic(float[] m, float[] v) implements ElementKernel {
    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      for (int i = from; i < to; i++) {
        float gi = g[i];
        s0[i] += gi;
        s1[i] += gi;
        w[i] += gi;
      }
    }

    @Override
    public float[] state(int k) {
      return k == 0 ? m : k == 1 ? v : null;
    }
  }

  private record SgdTraffic(float[] b) implements ElementKernel {
    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      for (int i = from; i < to; i++) {
        float gi = g[i];
        s0[i] += gi;
        w[i] += gi;
      }
    }

    @Override
    public float[] state(int k) {
      return k == 0 ? b : null;
    }
  }
}
