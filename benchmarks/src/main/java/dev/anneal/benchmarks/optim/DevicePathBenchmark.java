package dev.anneal.benchmarks.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import dev.anneal.djl.engine.NdStorage;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One optimizer step over a real model's parameter shapes, on the tensors of the engine's default
 * device (whatever DJL finds: the CPU here, a GPU where there is one), by each path a DJL user's
 * step can take:
 * <ul>
 *   <li>{@code engine}: Anneal's update as engine operations on the device, state there;
 *   <li>{@code kernels}: Anneal's Java kernels on views of the engine's CPU memory (CPU only);
 *   <li>{@code djl}: DJL's own optimizer, {@code update(id, weight, grad)} per tensor;
 *   <li>{@code copy}: the host fallback, values and gradient copied to the host, stepped there by
 *       the Java kernels, values copied back and the gradient cleared with uploaded zeros.
 * </ul>
 * The host-device bytes of one step are counted and printed at the end of each trial (0 for the
 * engine path); on the CPU they are memory copies, on a GPU transfers over PCIe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class DevicePathBenchmark {
  @Param({"engine", "kernels", "djl", "copy"})
  public String path;

  @Param({"AdamW", "SGD"})
  public String optimizer;

  @Param({"resnet50", "bert-base"})
  public String shapes;

  private NDManager manager;
  private final List<NDArray> weights = new ArrayList<>();
  private final List<NDArray> grads = new ArrayList<>();
  private final List<Parameter> parameters = new ArrayList<>();
  private Optimizer anneal;
  private ai.djl.training.optimizer.Optimizer djl;
  private long bytesPerStep;

  @Setup(Level.Trial)
  public void setUp() {
    manager = NDManager.newBaseManager();
    SplittableRandom random = new SplittableRandom(42);
    List<int[]> list = ModelShapes.of(shapes);
    for (int t = 0; t < list.size(); t++) {
      int[] shape = list.get(t);
      int n = ModelShapes.size(shape);
      Shape dims = new Shape(java.util.Arrays.stream(shape).asLongStream().toArray());
      NDArray w = manager.create(random(random, n, 1.0), dims);
      NDArray g = manager.create(random(random, n, 0.01), dims);
      weights.add(w);
      grads.add(g);
      parameters.add(parameter("p" + t, shape, w, g));
    }
    if (path.equals("djl")) {
      Tracker lr = Tracker.fixed(optimizer.equals("SGD") ? 0.01f : 1e-3f);
      djl = optimizer.equals("SGD")
          ? ai.djl.training.optimizer.Optimizer.sgd().setLearningRateTracker(lr).optMomentum(0.9f).build()
          : ai.djl.training.optimizer.Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays(0.01f).build();
    } else {
      Spec spec = optimizer.equals("SGD") ? Spec.of("SGD").with("lr", 0.01).with("momentum", 0.9)
          : Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.01);
      anneal = Optimizers.create(spec, List.of(new ParamGroup("all", parameters)));
    }
    step(); // state created: the measured steps are steady state
    long before = EngineStorage.hostBytes() + copied;
    step();
    bytesPerStep = EngineStorage.hostBytes() + copied - before;
  }

  private Parameter parameter(String name, int[] shape, NDArray w, NDArray g) {
    return switch (path) {
      case "engine" -> {
        Parameter p = new Parameter(name, shape, new NdStorage(w));
        p.setGrad(new NdStorage(g));
        yield p;
      }
      case "kernels" -> {
        Parameter p = new Parameter(name, shape, view(w));
        p.setGrad(view(g));
        yield p;
      }
      case "copy" -> {
        Parameter p = new Parameter(name, shape, FloatStorage.heap(ModelShapes.size(shape)));
        p.setGrad(FloatStorage.heap(ModelShapes.size(shape)));
        yield p;
      }
      default -> null;
    };
  }

  private static FloatStorage view(NDArray array) {
    if (!ai.djl.Device.Type.CPU.equals(array.getDevice().getDeviceType())) {
      throw new IllegalStateException("the kernels path views CPU memory; the engine's default device is " + array.getDevice()
          + ": run with -p path=engine,djl,copy");
    }
    return FloatStorage.view(array.toByteBuffer(true).order(ByteOrder.nativeOrder()));
  }

  /** Bytes the copy path moved between host and device so far. */
  private long copied;

  @Benchmark
  public void step() {
    switch (path) {
      case "djl" -> {
        for (int t = 0; t < weights.size(); t++) {
          djl.update("p" + t, weights.get(t), grads.get(t));
        }
      }
      case "copy" -> {
        for (int t = 0; t < weights.size(); t++) { // what CopiedParameter pulls after backward
          Parameter p = parameters.get(t);
          ((HeapStorage) p.values()).copyFrom(weights.get(t).toFloatArray());
          ((HeapStorage) p.grad()).copyFrom(grads.get(t).toFloatArray());
          copied += 8L * p.size();
        }
        anneal.step();
        for (int t = 0; t < weights.size(); t++) { // and pushes after the step, with the gradient's zeros
          Parameter p = parameters.get(t);
          weights.get(t).set(bytes(((HeapStorage) p.values()).array()));
          copied += 8L * p.size(); // values up, zeros up (the gradient kept here, so the next step has one)
        }
      }
      default -> anneal.step();
    }
  }

  private static ByteBuffer bytes(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
    buffer.asFloatBuffer().put(values);
    return buffer;
  }

  private static float[] random(SplittableRandom random, int n, double scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return values;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.printf("%n[host-device bytes per step] path=%s optimizer=%s shapes=%s device=%s: %d%n", path, optimizer, shapes,
        manager.getDevice(), bytesPerStep);
    manager.close();
  }
}
