package dev.anneal.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run went through: the lr of each group at every optimizer step and the
 * per-epoch metrics; writes them as PNG line charts.
 */
public final class History {
  private final String run;
  private final List<Double> steps = new ArrayList<>();
  private final Map<String, List<Double>> lrs = new LinkedHashMap<>();
  private final List<Double> epochs = new ArrayList<>();
  private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

  /**
   * An empty history.
   *
   * @param run the run's name, the start of the charts' file names and titles
   */
  public History(String run) {
    this.run = run;
  }

  /** {@return the run's name} */
  public String run() {
    return run;
  }

  /**
   * The lr each group uses at optimizer step {@code step}.
   *
   * @param step the optimizer step
   * @param lrByGroup each group's lr, by group name
   */
  public void recordLr(long step, Map<String, Double> lrByGroup) {
    steps.add((double) step);
    lrByGroup.forEach((group, lr) -> lrs.computeIfAbsent(group, g -> new ArrayList<>()).add(lr));
  }

  /**
   * Metrics at the end of an epoch (1-based), such as train_loss or test_accuracy.
   *
   * @param epoch the epoch, 1-based
   * @param values the metrics, by name
   */
  public void recordEpoch(int epoch, Map<String, Double> values) {
    epochs.add((double) epoch);
    values.forEach((name, value) -> metrics.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
  }

  /**
   * The values of one metric, epoch by epoch.
   *
   * @param name the metric's name
   * @return its values (empty for a metric never recorded)
   */
  public List<Double> metric(String name) {
    return List.copyOf(metrics.getOrDefault(name, List.of()));
  }

  /**
   * Writes {@code <run>-lr.png} (lr per group against the step), {@code <run>-loss.png} and
   * {@code <run>-accuracy.png} (metrics against the epoch) into {@code dir}; returns the files.
   *
   * @param dir the folder, created if missing
   * @return the files written (a chart with nothing to draw is left out)
   * @throws IOException when a file cannot be written
   */
  public List<Path> writeCharts(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    if (!steps.isEmpty()) {
      LineChart chart = LineChart.titled(run + ": learning rate per group").xLabel("optimizer step").yLabel("lr");
      double[] x = toArray(steps);
      lrs.forEach((group, values) -> chart.series(group, x, toArray(values)));
      written.add(write(chart, dir.resolve(run + "-lr.png")));
    }
    written.addAll(metricChart(dir, "loss", "loss"));
    written.addAll(metricChart(dir, "accuracy", "accuracy"));
    return written;
  }

  private List<Path> metricChart(Path dir, String suffix, String yLabel) throws IOException {
    LineChart chart = LineChart.titled(run + ": " + suffix).xLabel("epoch").yLabel(yLabel);
    double[] x = toArray(epochs);
    boolean any = false;
    for (Map.Entry<String, List<Double>> entry : metrics.entrySet()) {
      if (entry.getKey().endsWith(suffix) && entry.getValue().size() == epochs.size() && !epochs.isEmpty()) {
        chart.series(entry.getKey(), x, toArray(entry.getValue()));
        any = true;
      }
    }
    return any ? List.of(write(chart, dir.resolve(run + "-" + suffix + ".png"))) : List.of();
  }

  private static Path write(LineChart chart, Path file) throws IOException {
    chart.writePng(file);
    return file;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
