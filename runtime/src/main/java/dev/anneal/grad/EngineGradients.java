package dev.anneal.grad;

import dev.anneal.param.EngineOps;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient passes for gradients an engine keeps on its device: each engine gets one call per
 * pass over all of its tensors ({@link EngineOps}), so a step reads one small array back per
 * question rather than one value per tensor. Host gradients in the same list keep the Java passes.
 */
final class EngineGradients {
  private EngineGradients() {}

  /** Whether any parameter's gradient is on an engine's device. */
  static boolean any(List<Parameter> parameters) {
    for (int k = 0, n = parameters.size(); k < n; k++) {
      if (parameters.get(k).grad() instanceof EngineStorage) {
        return true;
      }
    }
    return false;
  }

  /** The per-tensor norms of every gradient present, in list order, rounded to float. */
  static float[] norms(List<Parameter> parameters, double ord) {
    List<FloatStorage> grads = present(parameters);
    float[] norms = new float[grads.size()];
    Map<EngineOps, List<Integer>> byEngine = new IdentityHashMap<>();
    for (int t = 0; t < grads.size(); t++) {
      if (grads.get(t) instanceof EngineStorage onEngine) {
        byEngine.computeIfAbsent(onEngine.ops(), k -> new ArrayList<>()).add(t);
      } else {
        norms[t] = (float) GradientClipping.norm(grads.get(t), ord);
      }
    }
    byEngine.forEach((ops, indices) -> {
      float[] engineNorms = ops.norms(select(grads, indices), ord);
      for (int i = 0; i < indices.size(); i++) {
        norms[indices.get(i)] = engineNorms[i];
      }
    });
    return norms;
  }

  /** The first parameter (in list order) whose gradient holds a NaN or an infinity, or null. */
  static Parameter firstNonFinite(List<Parameter> parameters) {
    List<Parameter> host = new ArrayList<>();
    Map<EngineOps, List<Parameter>> byEngine = new IdentityHashMap<>();
    for (Parameter p : parameters) {
      if (p.grad() instanceof EngineStorage onEngine) {
        byEngine.computeIfAbsent(onEngine.ops(), k -> new ArrayList<>()).add(p);
      } else if (p.grad() != null) {
        host.add(p);
      }
    }
    int first = Integer.MAX_VALUE;
    Parameter hostBad = host.isEmpty() ? null : NonFiniteGradients.first(host);
    if (hostBad != null) {
      first = parameters.indexOf(hostBad);
    }
    for (Map.Entry<EngineOps, List<Parameter>> entry : byEngine.entrySet()) {
      List<EngineStorage> grads = new ArrayList<>();
      entry.getValue().forEach(p -> grads.add((EngineStorage) p.grad()));
      int bad = entry.getKey().firstNonFinite(grads);
      if (bad >= 0) {
        first = Math.min(first, parameters.indexOf(entry.getValue().get(bad)));
      }
    }
    return first == Integer.MAX_VALUE ? null : parameters.get(first);
  }

  /** Multiplies every engine gradient by {@code factor}; returns the parameters whose gradients are on the host. */
  static List<Parameter> scaleOnEngines(List<Parameter> parameters, float factor) {
    return eachEngine(parameters, (ops, grads) -> ops.scale(grads, factor));
  }

  /** Clamps every engine gradient; returns the parameters whose gradients are on the host. */
  static List<Parameter> clampOnEngines(List<Parameter> parameters, float lo, float hi) {
    return eachEngine(parameters, (ops, grads) -> ops.clamp(grads, lo, hi));
  }

  private interface EnginePass {
    void run(EngineOps ops, List<EngineStorage> grads);
  }

  private static List<Parameter> eachEngine(List<Parameter> parameters, EnginePass pass) {
    List<Parameter> host = new ArrayList<>();
    Map<EngineOps, List<EngineStorage>> byEngine = new IdentityHashMap<>();
    for (Parameter p : parameters) {
      if (p.grad() instanceof EngineStorage onEngine) {
        byEngine.computeIfAbsent(onEngine.ops(), k -> new ArrayList<>()).add(onEngine);
      } else {
        host.add(p);
      }
    }
    byEngine.forEach(pass::run);
    return host;
  }

  private static List<FloatStorage> present(List<Parameter> parameters) {
    List<FloatStorage> grads = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.grad() != null) {
        grads.add(p.grad());
      }
    }
    return grads;
  }

  private static List<EngineStorage> select(List<FloatStorage> grads, List<Integer> indices) {
    List<EngineStorage> selected = new ArrayList<>(indices.size());
    indices.forEach(i -> selected.add((EngineStorage) grads.get(i)));
    return selected;
  }
}
