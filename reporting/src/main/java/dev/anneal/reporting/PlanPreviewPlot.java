package dev.anneal.reporting;

import dev.anneal.preview.PlanTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The picture of a whole plan's preview: each group's lr against the optimizer step, drawn at 0
 * while the group is frozen (it does not train), so freezing, re-warmup, warmup and per-group
 * schedules show as they will run; and, when any group's momentum or beta1 moves (OneCycleLR,
 * CyclicLR), a second chart of it next to the first.
 */
public final class PlanPreviewPlot {
  private PlanPreviewPlot() {}

  /**
   * Writes the lr chart to {@code file} and, when momentum or beta1 moves, the momentum chart to
   * {@code <name>-momentum.png} beside it, both atomically; returns the files written.
   *
   * @param trace the plan's preview
   * @param file the lr chart's PNG file
   * @param title the start of the charts' titles
   * @return the files written
   * @throws IOException when a file cannot be written
   */
  public static List<Path> writePng(PlanTrace trace, Path file, String title) throws IOException {
    if (trace.steps().isEmpty()) {
      throw new IllegalArgumentException("the preview recorded no optimizer step, so there is nothing to plot");
    }
    LineChart lr = LineChart.titled(title + ": learning rate per group (0 while frozen)").xLabel("optimizer step").yLabel("lr");
    lrSeries(trace).forEach((group, xy) -> lr.series(group, xy[0], xy[1]));
    lr.writePng(file);
    Map<String, double[][]> momenta = momentumSeries(trace);
    boolean moves = momenta.values().stream().anyMatch(xy -> Arrays.stream(xy[1]).distinct().count() > 1);
    if (!moves) {
      return List.of(file);
    }
    LineChart momentum = LineChart.titled(title + ": momentum / beta1 per group").xLabel("optimizer step").yLabel("momentum");
    momenta.forEach((group, xy) -> momentum.series(group, xy[0], xy[1]));
    String name = file.getFileName().toString();
    Path second = file.resolveSibling((name.endsWith(".png") ? name.substring(0, name.length() - 4) : name) + "-momentum.png");
    momentum.writePng(second);
    return List.of(file, second);
  }

  /** Per group, steps and the lr it trains with (0 while frozen); steps before a group joined are left out. */
  static Map<String, double[][]> lrSeries(PlanTrace trace) {
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (int g = 0; g < trace.groups().size(); g++) {
      int group = g;
      List<PlanTrace.Step> steps = trace.steps().stream().filter(s -> s.lrs().length > group).toList();
      double[] x = steps.stream().mapToDouble(PlanTrace.Step::step).toArray();
      double[] y = steps.stream().mapToDouble(s -> s.effectiveLr(group)).toArray();
      if (x.length > 0) {
        series.put(trace.groups().get(g), new double[][] {x, y});
      }
    }
    return series;
  }

  /** Per group with momentum or beta1, steps and its value. */
  static Map<String, double[][]> momentumSeries(PlanTrace trace) {
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (int g = 0; g < trace.groups().size(); g++) {
      if (trace.momentumNames().get(g) == null) {
        continue;
      }
      int group = g;
      List<PlanTrace.Step> steps = trace.steps().stream().filter(s -> s.lrs().length > group).toList();
      double[] x = steps.stream().mapToDouble(PlanTrace.Step::step).toArray();
      double[] y = steps.stream().mapToDouble(s -> s.momentum(group)).toArray();
      if (x.length > 0) {
        series.put(trace.groups().get(g) + " " + trace.momentumNames().get(g), new double[][] {x, y});
      }
    }
    return series;
  }
}
