package dev.anneal.plan;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * Three small layers with a quadratic loss and gradients that vary deterministically with the
 * position in training (StrictMath), so two runs that share a position compute the same bits.
 */
final class ToyModel {
  final Layer a = new Layer("a");
  final Layer b = new Layer("b");
  final Layer c = new Layer("c");

  ToyModel() {
    this(new int[] {2, 3});
  }

  ToyModel(int[] shapeOfA) {
    a.add("w", shapeOfA);
    b.add("w", 4);
    c.add("bias", 1);
    int k = 0;
    for (Parameter p : all()) {
      for (int i = 0; i < p.size(); i++, k++) {
        p.values().set(i, 0.75f - 0.125f * k);
      }
    }
  }

  List<Parameter> all() {
    return List.of(a.parameters().get(0), b.parameters().get(0), c.parameters().get(0));
  }

  /** Gradients of this micro-batch for every parameter that requires one; others get none. */
  void backward(int epoch, long batch, double lossScale) {
    int k = 0;
    for (Parameter p : all()) {
      if (!p.requiresGrad()) {
        k += p.size();
        continue;
      }
      FloatStorage g = p.gradOrZeros();
      for (int i = 0; i < p.size(); i++, k++) {
        float target = 0.3f * k - 0.5f;
        float wobble = (float) StrictMath.sin(epoch * 7.0 + batch * 3.0 + k);
        g.set(i, g.get(i) + (float) lossScale * (p.values().get(i) - target) * (1f + 0.5f * wobble));
      }
    }
  }

  double loss() {
    double sum = 0;
    int k = 0;
    for (Parameter p : all()) {
      for (int i = 0; i < p.size(); i++, k++) {
        double d = p.values().get(i) - (0.3 * k - 0.5);
        sum += d * d;
      }
    }
    return sum;
  }
}
