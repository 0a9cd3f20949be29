package dev.anneal.grad;

import dev.anneal.optim.kernel.ElementKernel;
import dev.anneal.optim.kernel.Passes;
import dev.anneal.optim.kernel.Reductions;
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
    // Every gradient's norm in one multi-tensor pass, then the norm of the per-tensor norms folded
    // in parameter order (no allocation per step).
    if (EngineGradients.any(parameters)) {
      float[] norms = EngineGradients.norms(parameters, normType);
      double folded = initialFold(normType);
      for (float norm : norms) {
        folded = fold(folded, norm, normType);
      }
      return norms.length == 0 ? 0.0 : (float) finishFold(folded, normType);
    }
    double[] totals = totals(parameters.size());
    int count = Reductions.eachGradient(Norms.of(normType), parameters, totals);
    double folded = initialFold(normType);
    for (int t = 0; t < count; t++) {
      folded = fold(folded, (float) Norms.finish(totals[t], normType), normType);
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
    List<Parameter> host = EngineGradients.scaleOnEngines(parameters, clamped);
    Scale scale = SCALE.get();
    scale.factor = clamped;
    eachGradient(scale, host);
  }

  /**
   * Multiplies every gradient by {@code factor} in float, on whichever storage it lives (as
   * {@code p.grad.mul_(factor)}): the mean over accumulated micro-batches or over replicas.
   */
  public static void scale(List<Parameter> parameters, float factor) {
    List<Parameter> host = EngineGradients.scaleOnEngines(parameters, factor);
    Scale scale = SCALE.get();
    scale.factor = factor;
    eachGradient(scale, host);
  }

  /** {@code clip_grad_norm_(parameters, maxNorm)}: the 2-norm, no error on a non-finite norm. */
  public static double clipGradNorm(List<Parameter> parameters, double maxNorm) {
    return clipGradNorm(parameters, maxNorm, 2.0, false);
  }

  /** Clamps every gradient value into {@code [-clipValue, clipValue]}; NaN stays NaN. */
  public static void clipGradValue(List<Parameter> parameters, double clipValue) {
    Clamp clamp = CLAMP.get();
    clamp.hi = (float) clipValue;
    clamp.lo = -clamp.hi;
    eachGradient(clamp, EngineGradients.clampOnEngines(parameters, clamp.lo, clamp.hi));
  }

  /** One element pass of {@code kernel} over every gradient, as one multi-tensor pass. */
  private static void eachGradient(ElementKernel kernel, List<Parameter> parameters) {
    Passes.beginBatch();
    try {
      for (int k = 0, n = parameters.size(); k < n; k++) {
        FloatStorage g = parameters.get(k).grad();
        if (g != null) {
          Passes.run(kernel, g, null);
        }
      }
    } finally {
      Passes.endBatch();
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
    double[] total = TOTALS.get();
    Reductions.run(Norms.of(ord), x, null, total);
    return Norms.finish(total[0], ord);
  }

  /** Per-tensor results of the norm passes, grown to the most gradients seen (one per thread). */
  private static final ThreadLocal<double[]> TOTALS = ThreadLocal.withInitial(() -> new double[16]);

  private static double[] totals(int tensors) {
    double[] totals = TOTALS.get();
    if (totals.length < tensors) {
      totals = new double[Math.max(tensors, totals.length * 2)];
      TOTALS.set(totals);
    }
    return totals;
  }

  /** Multiplies one tensor by a factor; the factor is set right before its pass runs. */
  private static final class Scale implements ElementKernel {
    private float factor;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float f = factor;
      for (int i = from; i < to; i++) {
        w[i] *= f;
      }
    }

    @Override
    public float[] state(int k) {
      return null;
    }
  }

  /** Clamps one tensor into {@code [lo, hi]}, NaN staying NaN. */
  private static final class Clamp implements ElementKernel {
    private float lo;
    private float hi;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float lo = this.lo;
      float hi = this.hi;
      for (int i = from; i < to; i++) {
        float v = w[i];
        w[i] = v > hi ? hi : v < lo ? lo : v;
      }
    }

    @Override
    public float[] state(int k) {
      return null;
    }
  }

  private static final ThreadLocal<Scale> SCALE = ThreadLocal.withInitial(Scale::new);
  private static final ThreadLocal<Clamp> CLAMP = ThreadLocal.withInitial(Clamp::new);
}
