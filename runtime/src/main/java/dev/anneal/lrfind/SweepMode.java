package dev.anneal.lrfind;

/**
 * How the lr grows over an lr range test of {@code n} steps from {@code start} to {@code end}, as
 * fastai's {@code SchedExp} / {@code SchedLin} at position {@code k / n}: step {@code k} (0-based)
 * uses {@code start * (end / start)^(k / n)} or {@code start + (end - start) * k / n}.
 */
public enum SweepMode {
  EXPONENTIAL,
  LINEAR;

  /** The lr of step {@code k} of {@code steps}. */
  public double lr(double start, double end, int k, int steps) {
    double pos = (double) k / steps;
    return this == EXPONENTIAL ? start * Math.pow(end / start, pos) : start + (end - start) * pos;
  }
}
