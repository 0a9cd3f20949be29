package dev.anneal.reporting;

import dev.anneal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of named series of means with error bars (mean ± spread at each x), for results
 * repeated over seeds:
 *
 * <pre>{@code
 * ErrorBarChart.titled("Test accuracy over 5 seeds").xLabel("images per class").yLabel("accuracy (%)")
 *     .series("layer-wise", shots, layerWiseMeans, layerWiseStds)
 *     .series("full", shots, fullMeans, fullStds)
 *     .writePng(Path.of("accuracy.png"));
 * }</pre>
 *
 * Each series is drawn as markers joined by a line, its error bars in its own colour; series keep
 * the order they were added in. Rendering runs headless (no display needed).
 */
public final class ErrorBarChart {
  private final String title;
  private String xLabel = "x";
  private String yLabel = "y";
  private int width = 900;
  private int height = 540;
  private final Map<String, double[][]> series = new LinkedHashMap<>();

  private ErrorBarChart(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * An empty chart.
   *
   * @param title the chart's title, also named in messages
   * @return the chart, to add series to
   */
  public static ErrorBarChart titled(String title) {
    return new ErrorBarChart(title);
  }

  /**
   * The x axis's title (default {@code x}).
   *
   * @param label the title
   * @return this chart
   */
  public ErrorBarChart xLabel(String label) {
    this.xLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /**
   * The y axis's title (default {@code y}).
   *
   * @param label the title
   * @return this chart
   */
  public ErrorBarChart yLabel(String label) {
    this.yLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /**
   * The image size in pixels (default 900 x 540).
   *
   * @param widthPixels the width, positive
   * @param heightPixels the height, positive
   * @return this chart
   */
  public ErrorBarChart size(int widthPixels, int heightPixels) {
    if (widthPixels <= 0 || heightPixels <= 0) {
      throw new IllegalArgumentException("chart size must be positive, was " + widthPixels + " x " + heightPixels);
    }
    this.width = widthPixels;
    this.height = heightPixels;
    return this;
  }

  /**
   * Adds a series: at each {@code x[i]}, the mean {@code y[i]} with a bar from {@code y[i] - error[i]}
   * to {@code y[i] + error[i]}. The arrays are copied and must have the same, non-zero length; the
   * errors must be finite and not negative (0 draws no bar).
   *
   * @param name the series' name in the legend, unique in the chart
   * @param x the x values
   * @param y the means
   * @param error each bar's half-length
   * @return this chart
   */
  public ErrorBarChart series(String name, double[] x, double[] y, double[] error) {
    Objects.requireNonNull(name, "name");
    if (x.length != y.length || x.length != error.length) {
      throw new IllegalArgumentException("series " + name + " has " + x.length + " x values, " + y.length + " y values and "
          + error.length + " errors; they must be as many");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("series " + name + " is empty");
    }
    for (int i = 0; i < error.length; i++) {
      if (!(error[i] >= 0) || Double.isInfinite(error[i])) {
        throw new IllegalArgumentException("series " + name + " has error " + error[i] + " at x = " + x[i]
            + "; an error bar's half-length must be finite and 0 or more");
      }
    }
    if (series.containsKey(name)) {
      throw new IllegalArgumentException("a series named " + name + " is already in chart " + title);
    }
    series.put(name, new double[][] {x.clone(), y.clone(), error.clone()});
    return this;
  }

  /**
   * Writes the chart as PNG to {@code file} atomically (parent folders are created).
   *
   * @param file the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalStateException when the chart has no series
   */
  public void writePng(Path file) throws IOException {
    if (series.isEmpty()) {
      throw new IllegalStateException("chart " + title + " has no series to draw; add one with series(name, x, y, error)");
    }
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendVisible(series.size() > 1);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    series.forEach((name, xyError) -> {
      XYSeries s = chart.addSeries(name, xyError[0], xyError[1], xyError[2]);
      s.setMarker(SeriesMarkers.CIRCLE);
    });
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(file, png);
  }
}
