package dev.anneal.grad;

import dev.anneal.param.FloatStorage;
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
    int count = 0;
    float[] norms = new float[parameters.size()];
    for (Parameter p : parameters) {
      if (p.grad() != null) {
        norms[count++] = (float) norm(p.grad(), normType);
      }
    }
    if (count == 0) {
      return 0.0;
    }
    float total = (float) norm(FloatStorage.wrap(java.util.Arrays.copyOf(norms, count)), normType);
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
    for (Parameter p : parameters) {
      FloatStorage g = p.grad();
      if (g != null) {
        for (int i = 0, n = g.size(); i < n; i++) {
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
