package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.LrCurve;
import java.util.List;

/**
 * fastai's schedule arithmetic ({@code fastai/callback/schedule.py}) and ULMFiT's slanted triangle,
 * written once: the runtime's schedulers and the processor's preview both evaluate these.
 *
 * <p>fastai's {@code combine_scheds} keeps its cut points in a float32 tensor, so the position within
 * a phase is float32 arithmetic ({@code pos} compared and subtracted in float32, then
 * {@code .item()}); the cosine itself runs in float64. {@link #combinedCos} does the same, so the
 * values are fastai's to the last bit rather than a float64 idealisation of them.
 */
public final class FastaiCurves {
  private FastaiCurves() {}

  /** fastai's {@code sched_cos(start, end, pos)}. */
  public static double schedCos(double start, double end, double pos) {
    return start + (1 + Math.cos(Math.PI * (1 - pos))) * (end - start) / 2;
  }

  /**
   * fastai's {@code combined_cos(pct, start, middle, end)(pos)}: a cosine from {@code start} to
   * {@code middle} over the first {@code pct} of the positions, then to {@code end}.
   */
  public static double combinedCos(double pct, double start, double middle, double end, double pos) {
    // pcts = torch.cumsum(tensor([0, pct, 1 - pct]), 0) in float32
    float c1 = (float) pct;
    float c2 = c1 + (float) (1 - pct);
    float p = (float) pos;
    boolean second = p >= c1;   // idx = min((pos >= pcts).nonzero().max(), 1)
    float from = second ? c1 : 0f;
    float to = second ? c2 : c1;
    float actual = (p - from) / (to - from);
    return second ? schedCos(middle, end, actual) : schedCos(start, middle, actual);
  }

  /** fastai's {@code even_mults(start, stop, n)[i]}: {@code n} values spread geometrically from start to stop. */
  public static double evenMult(double start, double stop, int n, int i) {
    if (n == 1) {
      return stop;
    }
    double step = Math.pow(stop / start, 1.0 / (n - 1));
    return start * Math.pow(step, i);
  }

  /**
   * fastai's {@code _BaseOptimizer.set_hyper} with a slice for layer group {@code i} of {@code n}:
   * {@code slice(lo, hi)} spreads geometrically ({@link #evenMult}); {@code slice(hi)} ({@code lo} 0)
   * gives {@code hi / 10} to every group but the last.
   */
  public static double sliceLr(double lo, double hi, int n, int i) {
    if (lo != 0) {
      return evenMult(lo, hi, n, i);
    }
    return i == n - 1 ? hi : hi / 10;
  }

  /**
   * fastai's {@code fit_one_cycle} lr for a group whose {@code lr_max} is {@code lrMax} at position
   * {@code pos} ({@code train_iter / total}, in [0, 1)).
   */
  public static double oneCycleLr(double lrMax, double pct, double div, double divFinal, double pos) {
    return combinedCos(pct, lrMax / div, lrMax, lrMax / divFinal, pos);
  }

  /** fastai's {@code fit_one_cycle} momentum ({@code mom}, Adam's beta1) for {@code moms = (start, middle, end)}. */
  public static double oneCycleMomentum(List<Double> moms, double pct, double pos) {
    return combinedCos(pct, moms.get(0), moms.get(1), moms.get(2), pos);
  }

  /** {@code fit_one_cycle} over {@code total} steps as a curve of the group's lr (its {@code lr_max}). */
  static LrCurve fitOneCycle(int total, double pct, double div, double divFinal) {
    return (g, base, t) -> oneCycleLr(base, pct, div, divFinal, (double) t / total);
  }

  /**
   * ULMFiT's slanted triangular factor (Howard &amp; Ruder 2018, eq. 3; fastai v0.7's
   * {@code CircularLR}) at position {@code t} of {@code total} positions cut into {@code cycles}
   * equal cycles, the triangle restarting at each: {@code cut = floor(T * cut_frac)}, rising
   * linearly to 1 at {@code cut}, then falling to {@code 1 / ratio} by the cycle's end.
   */
  public static double slantedTriangular(long t, int total, int cycles, double cutFrac, double ratio) {
    int length = total / cycles;
    long x = t % length;
    int cut = cut(length, cutFrac);
    double p = x < cut ? (double) x / cut : 1 - (double) (x - cut) / (cut * (1 / cutFrac - 1));
    return (1 + p * (ratio - 1)) / ratio;
  }

  /** {@code floor(T * cut_frac)}: the position of the peak within a cycle of {@code length}. */
  public static int cut(int length, double cutFrac) {
    return (int) Math.floor(length * cutFrac);
  }

  /** fine_tune's frozen fit: {@code fit_one_cycle(freeze_epochs, slice(base_lr), pct_start=0.99)}, at fit_one_cycle's div. */
  public static final double FINE_TUNE_FROZEN_PCT_START = 0.99;
  public static final double FINE_TUNE_FROZEN_DIV = 25.0;

  /**
   * fastai's {@code fine_tune} lr of layer group {@code layer} of {@code n}, whose {@code base_lr}
   * is {@code base}, at step {@code t}: the frozen fit over the first {@code frozenSteps}, then
   * {@code base_lr /= 2} and the unfrozen fit at {@code slice(base_lr / lr_mult, base_lr)} over
   * {@code unfrozenSteps}, each from position 0.
   */
  public static double fineTuneLr(double base, int layer, int n, long t, int frozenSteps, int unfrozenSteps, double lrMult,
      double pctStart, double div, double divFinal) {
    if (t < frozenSteps) {
      return oneCycleLr(sliceLr(0, base, n, layer), FINE_TUNE_FROZEN_PCT_START, FINE_TUNE_FROZEN_DIV, divFinal,
          (double) t / frozenSteps);
    }
    double half = base / 2;
    return oneCycleLr(sliceLr(half / lrMult, half, n, layer), pctStart, div, divFinal, (double) (t - frozenSteps) / unfrozenSteps);
  }

  /** {@code fine_tune} over {@code total} steps as a curve of each layer group's lr, once the number of layer groups is known. */
  static LrCurve fineTune(int total, int epochs, int freezeEpochs, double lrMult, double pctStart, double div, double divFinal) {
    int perEpoch = total / (epochs + freezeEpochs);
    return LrCurve.byLayerGroups(n -> (layer, base, t) -> fineTuneLr(base, layer, n, t, freezeEpochs * perEpoch,
        epochs * perEpoch, lrMult, pctStart, div, divFinal));
  }

  /** What is wrong with {@code total} steps for fine_tune's {@code freezeEpochs + epochs} epochs, or null. */
  public static String fineTuneProblem(long total, int epochs, int freezeEpochs) {
    int all = epochs + freezeEpochs;
    return total % all == 0 ? null
        : "total_steps " + total + " is not (freeze_epochs + epochs) = " + all + " epochs of whole steps; give total_steps = "
            + "(freeze_epochs + epochs) * steps per epoch";
  }

  /**
   * What is wrong with cutting {@code total} steps into {@code cycles} slanted triangles, or null:
   * the cycles must be whole steps, and long enough to rise ({@code floor(T * cut_frac) >= 1}).
   */
  public static String slantedTriangularProblem(long total, int cycles, double cutFrac) {
    if (total % cycles != 0) {
      return total + " steps do not split into " + cycles + " cycles of whole steps: give cycles a divisor of the steps";
    }
    if (cut((int) (total / cycles), cutFrac) < 1) {
      return "cycles of " + total / cycles + " steps are too short to rise with cut_frac " + cutFrac
          + " (floor(T * cut_frac) is 0, a division by zero in ULMFiT's formula): give more steps per cycle or a larger cut_frac";
    }
    return null;
  }

  static LrCurve slantedTriangularCurve(int total, int cycles, double cutFrac, double ratio) {
    return LrCurve.proportional(t -> slantedTriangular(t, total, cycles, cutFrac, ratio));
  }
}
