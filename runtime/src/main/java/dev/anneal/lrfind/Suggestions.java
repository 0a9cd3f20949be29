package dev.anneal.lrfind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suggestion rules of Lightning's and fastai's lr finders, on the recorded lrs and smoothed
 * losses of a range test. Each returns nothing when too few points are left to judge.
 */
public final class Suggestions {
  public static final String STEEPEST = "steepest";
  public static final String VALLEY = "valley";
  public static final String MINIMUM = "minimum";

  private Suggestions() {}

  /**
   * Lightning's {@code _LRFinder.suggestion(skip_begin=10, skip_end=1)}: the lr where the loss
   * falls fastest, the smallest {@code torch.gradient} of the loss over the lr (second-order
   * central differences on the uneven lr grid, one-sided at the ends), after skipping the first
   * 10 and the last point and any non-finite loss.
   */
  public static Optional<Suggestion> steepest(double[] lrs, double[] losses) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 10; i < losses.length - 1; i++) {
      if (Double.isFinite(losses[i])) {
        kept.add(i);
      }
    }
    int n = kept.size();
    if (n < 2) {
      return Optional.empty();
    }
    double[] x = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lrs[kept.get(i)];
      f[i] = losses[kept.get(i)];
    }
    int best = -1;
    double bestGradient = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double g;
      if (i == 0) {
        g = (f[1] - f[0]) / (x[1] - x[0]);
      } else if (i == n - 1) {
        g = (f[n - 1] - f[n - 2]) / (x[n - 1] - x[n - 2]);
      } else {
        double hl = x[i] - x[i - 1];
        double hr = x[i + 1] - x[i];
        g = (hl * hl * f[i + 1] - hr * hr * f[i - 1] + (hr * hr - hl * hl) * f[i]) / (hl * hr * (hl + hr));
      }
      if (g < bestGradient) {   // first of equal minima, as torch.argmin
        bestGradient = g;
        best = i;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    int index = kept.get(best);
    return Optional.of(new Suggestion(STEEPEST, lrs[index], index));
  }

  /**
   * fastai's {@code valley}: in the longest run over which the loss keeps falling (the longest
   * decreasing subsequence), the point about two thirds of the way down. Reads fastai's window:
   * from {@code requestedSteps / 10} to 5 before the end, cut at the first NaN.
   */
  public static Optional<Suggestion> valley(double[] lrs, double[] losses, int requestedSteps) {
    int from = requestedSteps / 10;
    int to = window(losses, from);
    int n = to - from;
    if (n < 1) {
      return Optional.empty();
    }
    int maxStart = 0;
    int maxEnd = 0;
    int[] lds = new int[n];
    java.util.Arrays.fill(lds, 1);
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (losses[from + i] < losses[from + j] && lds[i] < lds[j] + 1) {
          lds[i] = lds[j] + 1;
        }
        if (lds[maxEnd] < lds[i]) {
          maxEnd = i;
          maxStart = maxEnd - lds[maxEnd];
        }
      }
    }
    double sections = (maxEnd - maxStart) / 3.0;
    int index = from + maxStart + (int) sections + (int) (sections / 2);
    return Optional.of(new Suggestion(VALLEY, lrs[index], index));
  }

  /**
   * fastai's {@code minimum}: a tenth of the lr with the lowest loss (in fastai's window, see
   * {@link #valley}); marked at the recorded lr nearest to the suggestion.
   */
  public static Optional<Suggestion> minimum(double[] lrs, double[] losses, int requestedSteps) {
    int from = requestedSteps / 10;
    int to = window(losses, from);
    if (to <= from) {
      return Optional.empty();
    }
    int lowest = from;
    for (int i = from + 1; i < to; i++) {
      if (losses[i] < losses[lowest]) {
        lowest = i;
      }
    }
    double lr = lrs[lowest] / 10;
    int nearest = from;
    for (int i = from; i < to; i++) {
      if (Math.abs(lrs[i] - lr) < Math.abs(lrs[nearest] - lr)) {
        nearest = i;
      }
    }
    return Optional.of(new Suggestion(MINIMUM, lr, nearest));
  }

  /** The end of fastai's window {@code [from, length - 5)}, cut at the first NaN. */
  private static int window(double[] losses, int from) {
    int to = losses.length - 5;
    for (int i = from; i < to; i++) {
      if (Double.isNaN(losses[i])) {
        return i;
      }
    }
    return to;
  }
}
