package dev.anneal.grad;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;
import dev.anneal.param.Parameter;
import java.util.List;

/** Finds NaN and infinite gradient values, to skip an optimizer step rather than poison the model. */
public final class NonFiniteGradients {
  private NonFiniteGradients() {}

  /** The first parameter whose gradient holds NaN or an infinity, or {@code null} if all are finite. */
  public static Parameter first(List<Parameter> parameters) {
    for (int k = 0, n = parameters.size(); k < n; k++) {
      Parameter p = parameters.get(k);
      if (firstIndex(p.grad()) >= 0) {
        return p;
      }
    }
    return null;
  }

  /** "stem.weight[3] = NaN" for the first non-finite gradient value, or "none". */
  public static String describeFirst(List<Parameter> parameters) {
    Parameter p = first(parameters);
    if (p == null) {
      return "none";
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
      if (!anyNonFinite(a)) {
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
  static boolean anyNonFinite(float[] a) {
    int acc = 0;
    for (int i = 0; i < a.length; i++) {
      acc |= (Float.floatToRawIntBits(a[i]) & 0x7f800000) + 0x00800000;
    }
    return acc < 0;
  }
}
