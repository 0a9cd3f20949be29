package dev.anneal.benchmarks.grad;

import dev.anneal.grad.GradientClipping;
import dev.anneal.grad.NonFiniteGradients;
import dev.anneal.optim.kernel.ReductionKernel;
import dev.anneal.optim.kernel.Reductions;
import dev.anneal.optim.kernel.Sums;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;
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
 * The passes over the gradients before a step, on 10 gradients of 1M floats: {@code norm} (the
 * global 2-norm {@code clip_grad_norm_} takes, {@link GradientClipping#totalNorm}) and {@code scan}
 * (the non-finite check, {@link NonFiniteGradients#first}), on heap or direct storage, against
 * {@code floor}: a plain parallel sum over the same heap bytes (one read per float); and {@code
 * zero}, the gradients filled with zeros after every step ({@code zeroGrad}), whose heap case
 * ({@code Arrays.fill}) is the floor of its direct case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class GradientPassBenchmark {
  @Param({"norm", "scan", "zero", "floor"})
  public String pass;

  /** Where the gradients live; the floor always reads heap arrays. */
  @Param({"heap", "direct"})
  public String storage;

  private static final ReductionKernel SUM = (w, g, s0, s1, s2, from, to, out, at) -> out[at] = Sums.sum(w, from, to);

  private final List<Parameter> params = new ArrayList<>();
  private double[] totals;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    boolean direct = storage.equals("direct") && !pass.equals("floor");
    for (int t = 0; t < 10; t++) {
      int n = 1_000_000;
      FloatStorage grad = direct ? FloatStorage.direct(n) : FloatStorage.heap(n);
      for (int i = 0; i < n; i++) {
        grad.set(i, (float) (random.nextDouble() - 0.5));
      }
      Parameter p = Parameter.zeros("p" + t, n);
      p.setGrad(grad);
      params.add(p);
    }
    totals = new double[params.size()];
  }

  @Benchmark
  public Object run() {
    return switch (pass) {
      case "norm" -> GradientClipping.totalNorm(params, 2.0);
      case "scan" -> NonFiniteGradients.first(params);
      case "zero" -> zeroGradients();
      default -> Reductions.eachGradient(SUM, params, totals) + totals[0];
    };
  }

  private Object zeroGradients() {
    for (Parameter p : params) {
      p.zeroGrad(false);
    }
    return params;
  }
}
