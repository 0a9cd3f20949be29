package dev.anneal.benchmarks.optim;

import dev.anneal.optim.kernel.ElementKernel;
import dev.anneal.optim.kernel.Passes;
import dev.anneal.optim.kernel.ReductionKernel;
import dev.anneal.optim.kernel.Reductions;
import dev.anneal.optim.kernel.Sums;
import dev.anneal.param.Parameter;
import java.util.List;
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
 * The floor: plain passes over heap arrays of the same shapes that read and write the bytes an
 * optimizer step must, with one add per written float (sums with eight partial sums, {@code Sums}), split across the same threads as the
 * kernels (all tensors in one multi-tensor pass, the cheapest way to stream them):
 * {@code adam} 4 reads + 3 writes per float (Adam, AdamW, Adadelta), {@code sgd} 3 + 2 (SGD and
 * NAG with momentum, RMSprop, Adagrad), {@code lamb} (4 + 2 with a sum, then 3 + 1),
 * {@code lars} (2 + 0 with a sum, then 3 + 2), {@code laa} (4 + 2 with a sum, then 2 + 1).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class StreamingPassBenchmark {
  @Param({"adam", "sgd", "lamb", "lars", "laa"})
  public String traffic;

  @Param({"10x1M"})
  public String shapes;

  private List<Parameter> params;
  private ElementKernel[] passes;
  private ReductionKernel[] sums;
  private final double[] out = new double[2];

  @Setup(Level.Trial)
  public void setUp() {
    params = new Workload(shapes, "heap").parameters();
    passes = new ElementKernel[params.size()];
    sums = new ReductionKernel[params.size()];
    for (int t = 0; t < params.size(); t++) {
      int n = params.get(t).size();
      float[] a = new float[n];
      float[] b = new float[n];
      switch (traffic) {
        case "adam" -> passes[t] = new R4W3(a, b);
        case "sgd" -> passes[t] = new R3W2(a);
        case "lamb" -> {
          sums[t] = new R4W2Sum(a, b);
          passes[t] = new R3W1(a, b);
        }
        case "lars" -> {
          sums[t] = new R2Sum();
          passes[t] = new R3W2(a);
        }
        case "laa" -> {
          sums[t] = new R4W2Sum(a, b);
          passes[t] = new R2W1(a);
        }
        default -> throw new IllegalArgumentException("unknown traffic " + traffic);
      }
    }
  }

  @Benchmark
  public double pass() {
    double total = 0;
    Passes.beginBatch();
    try {
      for (int t = 0; t < params.size(); t++) {
        Parameter p = params.get(t);
        if (sums[t] != null) {
          Reductions.run(sums[t], p.values(), p.grad(), out);
          total += out[0];
        }
        Passes.run(passes[t], p.values(), p.grad());
      }
    } finally {
      Passes.endBatch();
    }
    return total;
  }

  private record R4W3(float[] m, float[] v) implements ElementKernel {
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

  private record R3W2(float[] b) implements ElementKernel {
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

  /** Reads w, m, v (not g), writes w. */
  private record R3W1(float[] m, float[] v) implements ElementKernel {
    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      for (int i = from; i < to; i++) {
        w[i] += s0[i] + s1[i];
      }
    }

    @Override
    public float[] state(int k) {
      return k == 0 ? m : k == 1 ? v : null;
    }
  }

  /** Reads w, m (not g), writes w. */
  private record R2W1(float[] m) implements ElementKernel {
    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      for (int i = from; i < to; i++) {
        w[i] += s0[i];
      }
    }

    @Override
    public float[] state(int k) {
      return k == 0 ? m : null;
    }
  }

  /** Reads w, g, m, v, writes m, v, sums w. */
  private record R4W2Sum(float[] m, float[] v) implements ReductionKernel {
    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      for (int i = from; i < to; i++) {
        float gi = g[i];
        s0[i] += gi;
        s1[i] += gi;
      }
      out[at] = Sums.sum(w, from, to);
    }

    @Override
    public float[] state(int k) {
      return k == 0 ? m : k == 1 ? v : null;
    }
  }

  /** Reads w and g, sums both. */
  private record R2Sum() implements ReductionKernel {
    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      out[at] = Sums.sum(w, from, to) + Sums.sum(g, from, to);
    }
  }
}
