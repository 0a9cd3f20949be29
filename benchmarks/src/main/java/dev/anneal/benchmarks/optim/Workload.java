package dev.anneal.benchmarks.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Parameters with gradients over one of {@link ModelShapes}' shape lists, stored as the benchmark
 * asks: {@code heap} ({@code float[]}), {@code direct} (a direct ByteBuffer) or {@code djl} (views
 * of PyTorch-engine NDArrays' own memory, what {@code BlockParameters} gives a DJL user). Values
 * are uniform in [-1, 1), gradients in [-0.01, 0.01), from a fixed seed.
 */
final class Workload implements AutoCloseable {
  private final List<Parameter> parameters = new ArrayList<>();
  private final NDManager manager;

  Workload(String shapes, String storage) {
    manager = storage.equals("djl") ? NDManager.newBaseManager("PyTorch") : null;
    SplittableRandom random = new SplittableRandom(42);
    List<int[]> list = ModelShapes.of(shapes);
    for (int t = 0; t < list.size(); t++) {
      int[] shape = list.get(t);
      Parameter p = new Parameter("p" + t, shape, storage(random(random, ModelShapes.size(shape), 1.0), shape, storage));
      p.setGrad(storage(random(random, ModelShapes.size(shape), 0.01), shape, storage));
      parameters.add(p);
    }
  }

  List<Parameter> parameters() {
    return parameters;
  }

  static float[] random(SplittableRandom random, int n, double scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return values;
  }

  private FloatStorage storage(float[] values, int[] shape, String storage) {
    FloatStorage s = switch (storage) {
      case "heap" -> FloatStorage.heap(values.length);
      case "direct" -> FloatStorage.direct(values.length);
      case "djl" -> engineView(values, shape);
      default -> throw new IllegalArgumentException("unknown storage " + storage + "; one of heap, direct, djl");
    };
    s.copyFrom(values);
    return s;
  }

  /** The NDArray's memory as a direct buffer; fails unless writes through it reach the engine's array. */
  private FloatStorage engineView(float[] values, int[] shape) {
    long[] dims = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    NDArray array = manager.create(values, new Shape(dims));
    ByteBuffer buffer = array.toByteBuffer(true).order(ByteOrder.nativeOrder());
    FloatStorage view = FloatStorage.view(buffer);
    view.set(0, 7f);
    if (array.flatten().getFloat(0) != 7f) {
      throw new IllegalStateException("the engine hands out copies, not views of its memory");
    }
    return view;
  }

  @Override
  public void close() {
    if (manager != null) {
      manager.close();
    }
  }
}
