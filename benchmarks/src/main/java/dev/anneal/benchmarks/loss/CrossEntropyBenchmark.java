package dev.anneal.benchmarks.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import dev.anneal.djl.loss.CrossEntropyLoss;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Anneal's {@code CrossEntropyLoss} (PyTorch's semantics, written as engine ops) against DJL's
 * {@code SoftmaxCrossEntropyLoss} on the same logits and int64 labels: forward and backward, per
 * batch, on (128, 10) and (32, 1000) logits. {@link #main} runs both in one JMH run and prints
 * the time ratio per shape:
 *
 * <pre>
 * java -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/pytorch-native-cpu-linux-x86_64.jar \
 *   dev.anneal.benchmarks.loss.CrossEntropyBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class CrossEntropyBenchmark {
  @Param({"128x10", "32x1000"})
  public String shape;

  @Param({"anneal", "djl"})
  public String loss;

  private NDManager manager;
  private NDArray logits;
  private NDArray labels;
  private Loss implementation;

  @Setup(Level.Trial)
  public void setUp() {
    String[] dims = shape.split("x");
    int batch = Integer.parseInt(dims[0]);
    int classes = Integer.parseInt(dims[1]);
    manager = NDManager.newBaseManager("PyTorch");
    Engine.getInstance().setRandomSeed(42);
    logits = manager.randomNormal(new Shape(batch, classes));
    logits.setRequiresGradient(true);
    labels = manager.randomInteger(0, classes, new Shape(batch), ai.djl.ndarray.types.DataType.INT64);
    implementation = loss.equals("anneal") ? new CrossEntropyLoss() : Loss.softmaxCrossEntropyLoss();
  }

  /** One batch: the loss and its gradient with respect to the logits; the arrays it makes are freed with the batch. */
  @Benchmark
  public float forwardBackward() {
    try (NDManager batch = manager.newSubManager()) {
      batch.tempAttachAll(logits, labels);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray value = implementation.evaluate(new NDList(labels), new NDList(logits));
        collector.backward(value);
        return value.getFloat();
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    manager.close();
  }

  /** Runs both losses on both shapes in one run and prints Anneal's time over DJL's per shape. */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(CrossEntropyBenchmark.class.getName()).build()).run();
    Map<String, double[]> byShape = new TreeMap<>();
    for (RunResult result : results) {
      String shape = result.getParams().getParam("shape");
      int which = result.getParams().getParam("loss").equals("anneal") ? 0 : 1;
      byShape.computeIfAbsent(shape, s -> new double[2])[which] = result.getPrimaryResult().getScore();
    }
    byShape.forEach((shape, us) -> System.out.printf(Locale.ROOT,
        "CrossEntropyLoss %s: Anneal %.1f us, DJL SoftmaxCrossEntropyLoss %.1f us, ratio %.2f%n", shape, us[0], us[1], us[0] / us[1]));
  }
}
