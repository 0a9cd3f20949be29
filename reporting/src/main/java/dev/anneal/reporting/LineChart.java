package dev.anneal.reporting;

import dev.anneal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG line chart of named series (x/y values), for schedule previews and training curves:
 *
 * <pre>{@code
 * LineChart.titled("Learning rate").xLabel("step").yLabel("lr")
 *     .series("head", steps, headLrs)
 *     .series("body", steps, bodyLrs)
 *     .writePng(Path.of("lr.png"));
 * }</pre>
 *
 * Series keep the order they were added in. Rendering runs headless (no display needed).
 */
public final class LineChart {
  private final String title;
  private String xLabel = "x";
  private String yLabel = "y";
  private boolean logX;
  private boolean logY;
  private int width = 900;
  private int height = 540;
  private final Map<String, double[][]> series = new LinkedHashMap<>();
  /** Series drawn as markers only (suggested points, say), not as lines. */
  private final Set<String> pointSeries = new HashSet<>();

  private LineChart(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * An empty chart.
   *
   * @param title the chart's title, also named in messages
   * @return the chart, to add series to
   */
  public static LineChart titled(String title) {
    return new LineChart(title);
  }

  /**
   * The x axis's title (default {@code x}).
   *
   * @param label the title
   * @return this chart
   */
  public LineChart xLabel(String label) {
    this.xLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /**
   * The y axis's title (default {@code y}).
   *
   * @param label the title
   * @return this chart
   */
  public LineChart yLabel(String label) {
    this.yLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /**
   * A logarithmic x axis (every x value must then be positive).
   *
   * @param log whether the axis is logarithmic (default not)
   * @return this chart
   */
  public LineChart logX(boolean log) {
    this.logX = log;
    return this;
  }

  /**
   * A logarithmic y axis (every y value must then be positive).
   *
   * @param log whether the axis is logarithmic (default not)
   * @return this chart
   */
  public LineChart logY(boolean log) {
    this.logY = log;
    return this;
  }

  /**
   * The image size in pixels (default 900 x 540).
   *
   * @param widthPixels the width, positive
   * @param heightPixels the height, positive
   * @return this chart
   */
  public LineChart size(int widthPixels, int heightPixels) {
    if (widthPixels <= 0 || heightPixels <= 0) {
      throw new IllegalArgumentException("chart size must be positive, was " + widthPixels + " x " + heightPixels);
    }
    this.width = widthPixels;
    this.height = heightPixels;
    return this;
  }

  /**
   * Adds a series; x and y are copied and must have the same, non-zero length.
   *
   * @param name the series' name in the legend, unique in the chart
   * @param x the x values
   * @param y the y values
   * @return this chart
   */
  public LineChart series(String name, double[] x, double[] y) {
    Objects.requireNonNull(name, "name");
    if (x.length != y.length) {
      throw new IllegalArgumentException("series " + name + " has " + x.length + " x values but " + y.length + " y values");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("series " + name + " is empty");
    }
    if (series.containsKey(name)) {
      throw new IllegalArgumentException("a series named " + name + " is already in chart " + title);
    }
    series.put(name, new double[][] {x.clone(), y.clone()});
    return this;
  }

  /**
   * Adds a series drawn as markers without a line (marked points, such as suggestions).
   *
   * @param name the series' name in the legend, unique in the chart
   * @param x the x values
   * @param y the y values
   * @return this chart
   */
  public LineChart points(String name, double[] x, double[] y) {
    series(name, x, y);
    pointSeries.add(name);
    return this;
  }

  /**
   * Adds a series whose x values are 0, 1, 2, ... (steps or epochs).
   *
   * @param name the series' name in the legend, unique in the chart
   * @param y the y values, not empty
   * @return this chart
   */
  public LineChart series(String name, double[] y) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return series(name, x, y);
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
      throw new IllegalStateException("chart " + title + " has no series to draw; add one with series(name, x, y)");
    }
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setLegendVisible(series.size() > 1);
    series.forEach((name, xy) -> {
      XYSeries s = chart.addSeries(name, xy[0], xy[1]);
      if (pointSeries.contains(name)) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
      } else {
        s.setMarker(SeriesMarkers.NONE);
      }
    });
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(file, png);
  }
}
