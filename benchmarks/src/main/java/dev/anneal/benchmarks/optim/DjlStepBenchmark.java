package dev.anneal.benchmarks.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same step by DJL's built-in optimizers ({@code Optimizer.adam()}, {@code Optimizer.sgd()}
 * with momentum 0.9) on PyTorch-engine NDArrays of the same sizes: 10 tensors of 1M floats.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class DjlStepBenchmark {
  @Param({"adam", "sgd"})
  public String optimizer;

  private NDManager manager;
  private NDArray[] weights;
  private NDArray[] grads;
  private String[] ids;
  private Optimizer djl;

  @Setup(Level.Trial)
  public void setUp() {
    manager = NDManager.newBaseManager("PyTorch");
    SplittableRandom random = new SplittableRandom(42);
    weights = new NDArray[Shapes.TENSORS];
    grads = new NDArray[Shapes.TENSORS];
    ids = new String[Shapes.TENSORS];
    for (int t = 0; t < Shapes.TENSORS; t++) {
      weights[t] = manager.create(Shapes.random(random, Shapes.SIZE, 1.0));
      grads[t] = manager.create(Shapes.random(random, Shapes.SIZE, 0.01));
      ids[t] = "layer" + t + ".weight";
    }
    djl = optimizer.equals("sgd")
        ? Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.9f).build()
        : Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
    step();
  }

  @Benchmark
  public void step() {
    for (int t = 0; t < weights.length; t++) {
      djl.update(ids[t], weights[t], grads[t]);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    manager.close();
  }
}
