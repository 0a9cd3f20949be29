package dev.anneal.grad;

import dev.anneal.optim.kernel.ReductionKernel;
import dev.anneal.optim.kernel.Reductions;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;
import dev.anneal.param.Parameter;
import java.util.List;

/** Finds NaN and infinite gradient values, to skip an optimizer step rather than poison the model. */
public final class NonFiniteGradients {
  private NonFiniteGradients() {}

  /**
   * The first parameter whose gradient holds NaN or an infinity, or {@code null} if all are finite:
   * every gradient is scanned in one multi-tensor pass (parallel blocks, heap or direct alike).
   */
  public static Parameter first(List<Parameter> parameters) {
    if (EngineGradients.any(parameters)) {
      return EngineGradients.firstNonFinite(parameters);
    }
    double[] flags = flags(parameters.size());
    int tensors = Reductions.eachGradient(SCAN, parameters, flags);
    for (int k = 0, t = 0, n = parameters.size(); k < n && t < tensors; k++) {
      Parameter p = parameters.get(k);
      if (p.grad() != null) {
        if (flags[t++] != 0) {
          return p;
        }
      }
    }
    return null;
  }

  /** 1 for a block with a non-finite value, else 0 (summed per tensor). */
  private static final ReductionKernel SCAN = (w, g, s0, s1, s2, from, to, out, at) -> {
    out[at] = anyNonFinite(w, from, to) ? 1 : 0;
  };

  /** Per-tensor results of the scan, grown to the most gradients seen (one per thread). */
  private static final ThreadLocal<double[]> FLAGS = ThreadLocal.withInitial(() -> new double[16]);

  private static double[] flags(int tensors) {
    double[] flags = FLAGS.get();
    if (flags.length < tensors) {
      flags = new double[Math.max(tensors, flags.length * 2)];
      FLAGS.set(flags);
    }
    return flags;
  }

  /** "stem.weight[3] = NaN" for the first non-finite gradient value, or "none". */
  public static String describeFirst(List<Parameter> parameters) {
    Parameter p = first(parameters);
    if (p == null) {
      return "none";
    }
    if (p.grad() instanceof EngineStorage onEngine) {
      return p.name() + " (on " + onEngine.device() + ")";
    }
    int i = firstIndex(p.grad());
    return p.name() + "[" + i + "] = " + p.grad().get(i);
  }

  /** The index of the first non-finite value, or -1 (also for no gradient). */
  public static int firstIndex(FloatStorage grad) {
    if (grad == null) {
      return -1;
    }
    if (grad instanceof HeapStorage heap) {
      float[] a = heap.array();
      if (!anyNonFinite(a, 0, a.length)) {
        return -1;
      }
      for (int i = 0; i < a.length; i++) {
        if (a[i] - a[i] != 0) {
          return i;
        }
      }
      return -1;
    }
    for (int i = 0, n = grad.size(); i < n; i++) {
      float v = grad.get(i);
      if (v - v != 0) { // NaN or +-inf: inf - inf is NaN, and NaN != 0 holds
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether any value is NaN or infinite, without branches so the loop vectorizes: an all-ones
   * exponent plus one exponent unit carries into the sign bit, for no finite value.
   */
  static boolean anyNonFinite(float[] a, int from, int to) {
    int acc = 0;
    for (int i = from; i < to; i++) {
      acc |= (Float.floatToRawIntBits(a[i]) & 0x7f800000) + 0x00800000;
    }
    return acc < 0;
  }
}
