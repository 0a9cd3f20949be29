package dev.anneal.benchmarks.optim;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The benchmarked model: 10 million float parameters in 10 tensors of 1 million, with gradients. */
final class Shapes {
  static final int TENSORS = 10;
  static final int SIZE = 1_000_000;

  private Shapes() {}

  static float[] random(SplittableRandom random, int n, double scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return values;
  }

  static FloatStorage storage(float[] values, boolean direct) {
    FloatStorage storage = direct ? FloatStorage.direct(values.length) : FloatStorage.heap(values.length);
    storage.copyFrom(values);
    return storage;
  }

  /** {@link #TENSORS} parameters of {@code size} floats with gradients set, on heap or direct storage. */
  static List<Parameter> parameters(boolean direct, int size) {
    SplittableRandom random = new SplittableRandom(42);
    List<Parameter> params = new ArrayList<>();
    for (int t = 0; t < TENSORS; t++) {
      Parameter p = new Parameter("layer" + t + ".weight", new int[] {size}, storage(random(random, size, 1.0), direct));
      p.setGrad(storage(random(random, size, 0.01), direct));
      params.add(p);
    }
    return params;
  }
}
