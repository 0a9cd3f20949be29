package dev.anneal.grad;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_} on Anneal parameters.
 * Parameters without a gradient are ignored, as in PyTorch.
 */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Scales all gradients together so that their global norm is at most {@code maxNorm}, and
   * returns the global norm they had. As PyTorch: the norm of the per-tensor norms (each rounded to
   * float, the tensors' dtype), then {@code coef = maxNorm / (norm + 1e-6)} clamped to at most 1
   * and multiplied into every gradient, also when it is 1.
   *
   * @param normType the order p of the norm: any positive or negative real, {@code 0} (count of
   *     non-zeros) or {@link Double#POSITIVE_INFINITY} (largest magnitude)
   * @param errorIfNonfinite throw instead of scaling when the norm is NaN or infinite
   * @throws NonFiniteGradientException when {@code errorIfNonfinite} and the norm is not finite
   */
  public static double clipGradNorm(List<Parameter> parameters, double maxNorm, double normType, boolean errorIfNonfinite) {
    if (Double.isNaN(normType)) {
      throw new IllegalArgumentException("norm type must be a number or infinity, was NaN");
    }
    // The norm of the per-tensor norms, folded as they come (no allocation per step).
    int count = 0;
    double folded = initialFold(normType);
    for (int i = 0, n = parameters.size(); i < n; i++) {
      FloatStorage grad = parameters.get(i).grad();
      if (grad != null) {
        folded = fold(folded, (float) norm(grad, normType), normType);
        count++;
      }
    }
    if (count == 0) {
      return 0.0;
    }
    float total = (float) finishFold(folded, normType);
    if (errorIfNonfinite && !Float.isFinite(total)) {
      throw new NonFiniteGradientException("The total norm of order " + normType + " for gradients of " + count
          + " parameters is non-finite (" + total + "), so it cannot be clipped; first non-finite gradient: "
          + NonFiniteGradients.describeFirst(parameters)
          + ". To scale the gradients by the non-finite norm anyway, pass errorIfNonfinite = false");
    }
    float coef = (float) maxNorm / (total + 1e-6f);
    float clamped = Math.min(coef, 1.0f);
    if (Float.isNaN(coef)) {
      clamped = Float.NaN; // torch.clamp keeps NaN
    }
    for (int k = 0, n = parameters.size(); k < n; k++) {
      FloatStorage g = parameters.get(k).grad();
      if (g instanceof HeapStorage heap) {
        float[] a = heap.array();
        for (int i = 0; i < a.length; i++) {
          a[i] *= clamped;
        }
      } else if (g != null) {
        for (int i = 0, size = g.size(); i < size; i++) {
          g.set(i, g.get(i) * clamped);
        }
      }
    }
    return total;
  }

  /** {@code clip_grad_norm_(parameters, maxNorm)}: the 2-norm, no error on a non-finite norm. */
  public static double clipGradNorm(List<Parameter> parameters, double maxNorm) {
    return clipGradNorm(parameters, maxNorm, 2.0, false);
  }

  /** Clamps every gradient value into {@code [-clipValue, clipValue]}; NaN stays NaN. */
  public static void clipGradValue(List<Parameter> parameters, double clipValue) {
    float hi = (float) clipValue;
    float lo = -hi;
    for (Parameter p : parameters) {
      FloatStorage g = p.grad();
      if (g != null) {
        for (int i = 0, n = g.size(); i < n; i++) {
          float v = g.get(i);
          if (v > hi) {
            g.set(i, hi);
          } else if (v < lo) {
            g.set(i, lo);
          }
        }
      }
    }
  }

  private static double initialFold(double ord) {
    return ord == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : 0.0;
  }

  /** Adds one per-tensor norm to the norm of all of them, as {@code vector_norm(stack(norms), ord)} would. */
  private static double fold(double acc, float norm, double ord) {
    double a = Math.abs((double) norm);
    if (ord == Double.POSITIVE_INFINITY) {
      return Double.isNaN(acc) || Double.isNaN(a) ? Double.NaN : Math.max(acc, a);
    }
    if (ord == Double.NEGATIVE_INFINITY) {
      return Double.isNaN(acc) || Double.isNaN(a) ? Double.NaN : Math.min(acc, a);
    }
    if (ord == 0) {
      return acc + (norm != 0 ? 1 : 0);
    }
    if (ord == 2) {
      return acc + a * a;
    }
    if (ord == 1) {
      return acc + a;
    }
    return acc + Math.pow(a, ord);
  }

  private static double finishFold(double acc, double ord) {
    if (Double.isInfinite(ord) || ord == 0 || ord == 1) {
      return acc;
    }
    return ord == 2 ? Math.sqrt(acc) : Math.pow(acc, 1.0 / ord);
  }

  /** {@code torch.linalg.vector_norm(x, ord)}, accumulated in double. */
  static double norm(FloatStorage x, double ord) {
    int n = x.size();
    if (ord == Double.POSITIVE_INFINITY || ord == Double.NEGATIVE_INFINITY) {
      boolean max = ord > 0;
      double result = max ? 0.0 : Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double a = Math.abs(x.get(i));
        if (Double.isNaN(a)) {
          return Double.NaN;
        }
        result = max ? Math.max(result, a) : Math.min(result, a);
      }
      return result;
    }
    if (ord == 0) {
      double nonZero = 0;
      for (int i = 0; i < n; i++) {
        float v = x.get(i);
        if (v != 0) {
          nonZero++; // NaN counts as non-zero, as in PyTorch
        }
      }
      return nonZero;
    }
    double sum = 0;
    if (ord == 2 && x instanceof HeapStorage heap) {
      float[] a = heap.array();
      for (int i = 0; i < n; i++) {
        double v = a[i];
        sum += v * v;
      }
      return Math.sqrt(sum);
    }
    if (ord == 2) {
      for (int i = 0; i < n; i++) {
        double v = x.get(i);
        sum += v * v;
      }
      return Math.sqrt(sum);
    }
    if (ord == 1) {
      for (int i = 0; i < n; i++) {
        sum += Math.abs((double) x.get(i));
      }
      return sum;
    }
    for (int i = 0; i < n; i++) {
      sum += Math.pow(Math.abs((double) x.get(i)), ord);
    }
    return Math.pow(sum, 1.0 / ord);
  }
}
