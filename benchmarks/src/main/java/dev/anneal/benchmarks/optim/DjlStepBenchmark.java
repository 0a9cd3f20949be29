package dev.anneal.benchmarks.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same step by each of DJL's built-in optimizers ({@code update(id, weight, grad)} for every
 * tensor) on PyTorch-engine NDArrays of the same shapes, with the settings
 * {@link AnnealStepBenchmark} gives Anneal's: SGD momentum 0.9, Adam, AdamW (weight decay 0.01).
 * These three are all DJL 0.35 runs on the PyTorch engine: its {@code nag}, {@code rmsprop},
 * {@code adagrad} and {@code adadelta} throw there ("Not implemented", "Only COO sparse type
 * supported for PyTorch", "AdaDelta optimzier is not supported for PyTorch engine!"); the switch
 * keeps them so that another engine can be tried with {@code -p optimizer=...}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class DjlStepBenchmark {
  @Param({"sgd", "adam", "adamw"})
  public String optimizer;

  @Param({"10x1M"})
  public String shapes;

  private NDManager manager;
  private NDArray[] weights;
  private NDArray[] grads;
  private String[] ids;
  private Optimizer djl;

  @Setup(Level.Trial)
  public void setUp() {
    manager = NDManager.newBaseManager("PyTorch");
    SplittableRandom random = new SplittableRandom(42);
    List<int[]> list = ModelShapes.of(shapes);
    weights = new NDArray[list.size()];
    grads = new NDArray[list.size()];
    ids = new String[list.size()];
    for (int t = 0; t < list.size(); t++) {
      int n = ModelShapes.size(list.get(t));
      weights[t] = manager.create(Workload.random(random, n, 1.0), new Shape(n));
      grads[t] = manager.create(Workload.random(random, n, 0.01), new Shape(n));
      ids[t] = "p" + t;
    }
    Tracker lr = Tracker.fixed(optimizer.equals("sgd") || optimizer.equals("nag") ? 0.01f : 1e-3f);
    djl = switch (optimizer) {
      case "sgd" -> Optimizer.sgd().setLearningRateTracker(lr).optMomentum(0.9f).build();
      case "nag" -> Optimizer.nag().setLearningRateTracker(lr).setMomentum(0.9f).build();
      case "adam" -> Optimizer.adam().optLearningRateTracker(lr).build();
      case "adamw" -> Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays(0.01f).build();
      case "rmsprop" -> Optimizer.rmsprop().optLearningRateTracker(lr).optRho(0.9f).build();
      case "adagrad" -> Optimizer.adagrad().optLearningRateTracker(lr).build();
      case "adadelta" -> Optimizer.adadelta().optRho(0.9f).build();
      default -> throw new IllegalArgumentException("unknown DJL optimizer " + optimizer);
    };
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
