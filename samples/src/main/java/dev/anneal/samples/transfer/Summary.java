package dev.anneal.samples.transfer;

import java.util.Locale;

/**
 * Mean and spread of a result repeated over seeds: the mean and the sample standard deviation
 * (divided by {@code count - 1}; undefined, {@code NaN}, for a single value).
 */
public record Summary(int count, double mean, double std) {
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

  /** {@code "mean ± std"} with two decimals, the values times {@code scale} (100 for percent); {@code "mean"} alone for one value. */
  public String format(double scale) {
    if (count == 1) {
      return String.format(Locale.ROOT, "%.2f", scale * mean);
    }
    return String.format(Locale.ROOT, "%.2f ± %.2f", scale * mean, scale * std);
  }
}
