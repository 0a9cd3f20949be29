package dev.anneal.benchmarks.optim;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.spec.Spec;
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

/** One optimizer step of Anneal's fused kernels over 10 tensors (10M floats by default). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class AnnealStepBenchmark {
  /** Adam, AdamW, or SGD with momentum 0.9. */
  @Param({"Adam", "AdamW", "SGD"})
  public String optimizer;

  /** Where parameters and gradients live: a float[] or a direct (off-heap) buffer. */
  @Param({"heap", "direct"})
  public String storage;

  /** Floats per tensor (10 tensors); 1M is the 10M-parameter model. */
  @Param({"1000000"})
  public int tensorSize;

  private Optimizer step;

  @Setup(Level.Trial)
  public void setUp() {
    Spec spec = switch (optimizer) {
      case "SGD" -> Spec.of("SGD").with("lr", 0.01).with("momentum", 0.9);
      case "AdamW" -> Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.01);
      default -> Spec.of("Adam").with("lr", 1e-3);
    };
    step = Optimizers.create(spec, List.of(new ParamGroup("all", Shapes.parameters(storage.equals("direct"), tensorSize))));
    step.step(); // creates the state, so that the measured steps are steady state
  }

  @Benchmark
  public void step() {
    step.step();
  }
}
