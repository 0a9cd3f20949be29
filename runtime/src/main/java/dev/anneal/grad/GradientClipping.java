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
    double total = totalNorm(parameters, normType);
    if (errorIfNonfinite && !Double.isFinite(total)) {
      throw new NonFiniteGradientException("The total norm of order " + normType + " for gradients of "
          + parameters.stream().filter(p -> p.grad() != null).count() + " parameters is non-finite (" + total
          + "), so it cannot be clipped; first non-finite gradient: " + NonFiniteGradients.describeFirst(parameters)
          + ". To scale the gradients by the non-finite norm anyway, pass errorIfNonfinite = false");
    }
    scaleToMaxNorm(parameters, maxNorm, total);
    return total;
  }

  /**
   * The global norm of the gradients as {@code clip_grad_norm_} computes it: the norm of the
   * per-tensor norms, each rounded to float (the tensors' dtype), the result rounded to float; 0
   * when no parameter has a gradient. Any NaN or infinite gradient makes it non-finite for norm
   * types 1, 2 and infinity (accumulated in double, finite floats cannot overflow).
   */
  public static double totalNorm(List<Parameter> parameters, double normType) {
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
    return count == 0 ? 0.0 : (float) finishFold(folded, normType);
  }

  /**
   * Multiplies every gradient by {@code min(1, maxNorm / (totalNorm + 1e-6))} in float, as PyTorch
   * does; a factor of exactly 1 leaves every bit as it is, so that pass is skipped.
   */
  public static void scaleToMaxNorm(List<Parameter> parameters, double maxNorm, double totalNorm) {
    float coef = (float) maxNorm / ((float) totalNorm + 1e-6f);
    float clamped = Float.isNaN(coef) ? Float.NaN : Math.min(coef, 1.0f); // torch.clamp keeps NaN
    if (clamped == 1.0f) {
      return;
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
      // Eight partial sums break the chain of dependent adds (as PyTorch's vectorized sum does).
      float[] a = heap.array();
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double s5 = 0;
      double s6 = 0;
      double s7 = 0;
      int i = 0;
      for (; i + 7 < n; i += 8) {
        double v0 = a[i];
        double v1 = a[i + 1];
        double v2 = a[i + 2];
        double v3 = a[i + 3];
        double v4 = a[i + 4];
        double v5 = a[i + 5];
        double v6 = a[i + 6];
        double v7 = a[i + 7];
        s0 += v0 * v0;
        s1 += v1 * v1;
        s2 += v2 * v2;
        s3 += v3 * v3;
        s4 += v4 * v4;
        s5 += v5 * v5;
        s6 += v6 * v6;
        s7 += v7 * v7;
      }
      for (; i < n; i++) {
        double v = a[i];
        s0 += v * v;
      }
      return Math.sqrt(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
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
