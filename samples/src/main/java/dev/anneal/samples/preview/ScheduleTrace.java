package dev.anneal.samples.preview;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.MetricScheduler;
import dev.anneal.schedule.Schedulers;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schedule run for a number of steps on an optimizer with one group per initial lr: column names
 * ({@code step}, {@code lr_0}, ..., then {@code momentum_g} or {@code beta1_g} for groups that
 * have them) and one row per step, row 0 being the state right after construction.
 */
public record ScheduleTrace(List<String> columns, List<double[]> rows) {

  /**
   * @param metrics one metric per step for schedules with ReduceLROnPlateau (null otherwise)
   */
  public static ScheduleTrace run(Spec schedule, List<Double> initialLrs, Spec optimizerSpec, int steps, List<Double> metrics) {
    if (initialLrs.isEmpty()) {
      throw new IllegalArgumentException("give at least one initial lr (one per parameter group)");
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be at least 0, was " + steps);
    }
    List<ParamGroup> groups = new ArrayList<>();
    for (int g = 0; g < initialLrs.size(); g++) {
      groups.add(new ParamGroup("group" + g, List.of(Parameter.of("p" + g, 0f))).with("lr", initialLrs.get(g)));
    }
    Optimizer optimizer = Optimizers.create(optimizerSpec, groups);
    LrScheduler scheduler = Schedulers.create(schedule, optimizer);
    boolean needsMetrics = scheduler instanceof MetricScheduler;
    if (needsMetrics && (metrics == null || metrics.size() < steps)) {
      throw new IllegalArgumentException(schedule.type() + " reduces on plateau: give one metric per step (" + steps + "), got "
          + (metrics == null ? 0 : metrics.size()));
    }
    List<String> columns = new ArrayList<>();
    columns.add("step");
    for (int g = 0; g < groups.size(); g++) {
      columns.add("lr_" + g);
    }
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).has("betas")) {
        columns.add("beta1_" + g);
      } else if (groups.get(g).has("momentum")) {
        columns.add("momentum_" + g);
      }
    }
    List<double[]> rows = new ArrayList<>();
    rows.add(row(0, optimizer, columns.size()));
    for (int i = 0; i < steps; i++) {
      if (needsMetrics) {
        ((MetricScheduler) scheduler).step(metrics.get(i));
      } else {
        scheduler.step();
      }
      rows.add(row(i + 1, optimizer, columns.size()));
    }
    return new ScheduleTrace(List.copyOf(columns), List.copyOf(rows));
  }

  private static double[] row(int step, Optimizer optimizer, int width) {
    double[] row = new double[width];
    int c = 0;
    row[c++] = step;
    List<ParamGroup> groups = optimizer.paramGroups();
    for (ParamGroup group : groups) {
      row[c++] = group.lr();
    }
    for (ParamGroup group : groups) {
      if (group.has("betas")) {
        row[c++] = group.getDouble("betas", 0);
      } else if (group.has("momentum")) {
        row[c++] = group.getDouble("momentum");
      }
    }
    return row;
  }

  /** One column's values, by name. */
  public double[] column(String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + "; columns are " + columns);
    }
    return rows.stream().mapToDouble(r -> r[index]).toArray();
  }

  /** Rows 0, k, 2k, ... and the last: a long schedule's shape in a few lines (the plot keeps every row). */
  public ScheduleTrace everyKthRow(int k) {
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (i % k == 0 || i == rows.size() - 1) {
        kept.add(rows.get(i));
      }
    }
    return new ScheduleTrace(columns, List.copyOf(kept));
  }

  /** Reads an optimizer spec from a name and its keyword arguments. */
  public static Spec optimizerSpec(String name, Map<String, Object> kwargs) {
    Spec spec = Spec.of(name);
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      spec = spec.with(e.getKey(), e.getValue());
    }
    return spec;
  }
}
