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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One optimizer step of Anneal's fused kernels over a {@link Workload}. The settings match the
 * ones {@link DjlStepBenchmark} gives DJL's optimizers (SGD momentum 0.9, NAG = Nesterov SGD,
 * RMSprop alpha 0.9, Adadelta rho 0.9, defaults otherwise; AdamW weight decay 0.01; LARS with
 * momentum and weight decay, so both norms are taken).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class AnnealStepBenchmark {
  @Param({"Adam", "AdamW", "SGD", "NAG", "RMSprop", "Adagrad", "Adadelta", "LAMB", "LARS", "LayerAdaptiveAdam"})
  public String optimizer;

  /** heap float[], direct ByteBuffer, or views of PyTorch-engine NDArrays ({@link Workload}). */
  @Param({"heap", "direct"})
  public String storage;

  @Param({"10x1M"})
  public String shapes;

  private Workload workload;
  private Optimizer step;

  static Spec spec(String optimizer) {
    return switch (optimizer) {
      case "SGD" -> Spec.of("SGD").with("lr", 0.01).with("momentum", 0.9);
      case "NAG" -> Spec.of("SGD").with("lr", 0.01).with("momentum", 0.9).with("nesterov", true);
      case "AdamW" -> Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.01);
      case "RMSprop" -> Spec.of("RMSprop").with("lr", 1e-3).with("alpha", 0.9);
      case "Adadelta" -> Spec.of("Adadelta").with("rho", 0.9);
      case "LARS" -> Spec.of("LARS").with("lr", 0.1).with("momentum", 0.9).with("weight_decay", 1e-4);
      default -> Spec.of(optimizer);
    };
  }

  @Setup(Level.Trial)
  public void setUp() {
    workload = new Workload(shapes, storage);
    step = Optimizers.create(spec(optimizer), List.of(new ParamGroup("all", workload.parameters())));
    step.step(); // creates the state, so that the measured steps are steady state
  }

  @Benchmark
  public void step() {
    step.step();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    workload.close();
  }
}
