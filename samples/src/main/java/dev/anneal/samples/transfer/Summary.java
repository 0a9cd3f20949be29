package dev.anneal.samples.transfer;

import java.util.Locale;

/**
 * Mean and spread of a result repeated over seeds: the mean and the sample standard deviation
 * (divided by {@code count - 1}; undefined, {@code NaN}, for a single value), and Student's t 95%
 * interval of the mean.
 */
public record Summary(int count, double mean, double std) {
  /** Two-sided 95% quantiles of Student's t, {@code T95[df - 1]} for 1 to 30 degrees of freedom. */
  private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
      2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  public static Summary of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a summary needs at least one value");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    if (values.length == 1) {
      return new Summary(1, mean, Double.NaN);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new Summary(values.length, mean, Math.sqrt(squares / (values.length - 1)));
  }

  /**
   * Half the width of the 95% confidence interval of the mean, {@code t(0.975, count - 1) * std /
   * sqrt(count)} (the mean of values drawn independently from a normal distribution); {@code NaN}
   * for one value.
   */
  public double halfWidth95() {
    if (count == 1) {
      return Double.NaN;
    }
    int df = count - 1;
    // beyond the table, the first Cornish-Fisher term: 1.96 + (1.96^3 + 1.96) / (4 df), within 0.001 at df 30
    double t = df <= T95.length ? T95[df - 1] : 1.96 + 2.3728 / df;
    return t * std / Math.sqrt(count);
  }

  /** {@code "mean ± std"} with two decimals, the values times {@code scale} (100 for percent); {@code "mean"} alone for one value. */
  public String format(double scale) {
    if (count == 1) {
      return String.format(Locale.ROOT, "%.2f", scale * mean);
    }
    return String.format(Locale.ROOT, "%.2f ± %.2f", scale * mean, scale * std);
  }
}
