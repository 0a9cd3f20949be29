package dev.anneal.reporting;

import dev.anneal.lrfind.LrFinderResult;
import dev.anneal.lrfind.Suggestion;
import dev.anneal.lrfind.SweepMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The picture of an lr range test, as fastai's {@code plot_lr_find} and Lightning's
 * {@code lr_finder.plot(suggest=True)} draw it: the smoothed loss against the lr (a log axis for
 * an exponential sweep), each suggestion marked at its point and named with its lr in the legend.
 */
public final class LrFinderPlot {
  private LrFinderPlot() {}

  /**
   * Writes the PNG atomically.
   *
   * @param result the lr range test's result
   * @param file the PNG file
   * @return {@code file}
   * @throws IOException when the file cannot be written
   */
  public static Path writePng(LrFinderResult result, Path file) throws IOException {
    if (result.steps() == 0) {
      throw new IllegalArgumentException("the lr range test recorded no step, so there is nothing to plot");
    }
    double[] lrs = result.lrs();
    double[] losses = result.losses();
    int finite = 0;
    while (finite < losses.length && Double.isFinite(losses[finite])) {
      finite++;
    }
    LineChart chart = LineChart.titled("lr range test (" + result.referenceGroup() + "'s lr; other groups in ratio)")
        .xLabel("learning rate").yLabel("smoothed loss")
        .logX(result.mode() == SweepMode.EXPONENTIAL)
        .series("loss", Arrays.copyOf(lrs, Math.max(1, finite)), Arrays.copyOf(losses, Math.max(1, finite)));
    for (Suggestion s : result.suggestions()) {
      chart.points(String.format(Locale.ROOT, "%s %.3g", s.method(), s.lr()), new double[] {lrs[s.index()]},
          new double[] {losses[s.index()]});
    }
    chart.writePng(file);
    return file;
  }
}
