package dev.anneal.preview;

import dev.anneal.io.AtomicFiles;
import dev.anneal.io.Csv;
import dev.anneal.metrics.MetricNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link PlanPreview} recorded: one {@link Step} per optimizer step, and per group its name
 * and what its momentum column holds ({@code momentum}, Adam's {@code beta1}, or null). Written as
 * CSV with the names {@code MetricLog} uses ({@code lr-AdamW/head}, {@code lr-AdamW/head-momentum},
 * {@code lr-AdamW/head-weight_decay}, plus {@code lr-AdamW/head-frozen}), so a preview and a
 * training log can be compared column by column; or as a table for reading.
 */
public record PlanTrace(String optimizer, List<String> groups, List<String> momentumNames, int epochs, List<Step> steps) {

  public PlanTrace {
    groups = List.copyOf(groups);
    momentumNames = java.util.Collections.unmodifiableList(new ArrayList<>(momentumNames));
    steps = List.copyOf(steps);
  }

  /**
   * One optimizer step: its index (0-based over the run), its epoch and index within the epoch,
   * and per group the lr the step was taken with (re-warmup and step warmup included; for a frozen
   * group the lr its schedule holds, which moves nothing), whether the group was frozen, its
   * momentum or beta1 (NaN without) and its weight decay (NaN without), and whether a frozen
   * group's norm layers train at its lr ({@code trainNorm}, fastai's {@code train_bn}). A group
   * added during training has no entries in the steps before it joined.
   */
  public record Step(long step, int epoch, long stepInEpoch, double[] lrs, boolean[] frozen, double[] momenta,
      double[] weightDecays, boolean[] normTrains) {

    public Step {
      lrs = lrs.clone();
      frozen = frozen.clone();
      momenta = momenta.clone();
      weightDecays = weightDecays.clone();
      normTrains = normTrains.clone();
    }

    /** A step of groups whose norm layers freeze with them. */
    public Step(long step, int epoch, long stepInEpoch, double[] lrs, boolean[] frozen, double[] momenta, double[] weightDecays) {
      this(step, epoch, stepInEpoch, lrs, frozen, momenta, weightDecays, new boolean[lrs.length]);
    }

    /** Whether group {@code g} is frozen at this step but its norm layers train at {@link #lr(int)}. */
    public boolean normTrains(int g) {
      return frozen[g] && normTrains[g];
    }

    /** The lr group {@code g} trains with at this step: 0 while frozen. */
    public double effectiveLr(int g) {
      return frozen[g] ? 0.0 : lrs[g];
    }

    public double lr(int g) {
      return lrs[g];
    }

    public boolean frozen(int g) {
      return frozen[g];
    }

    public double momentum(int g) {
      return momenta[g];
    }

    public double weightDecay(int g) {
      return weightDecays[g];
    }

    boolean has(int g) {
      return g < lrs.length;
    }
  }

  /** The index of group {@code name}. */
  public int group(String name) {
    int g = groups.indexOf(name);
    if (g < 0) {
      throw new IllegalArgumentException("the preview has no group " + name + "; it has " + groups);
    }
    return g;
  }

  /** The steps of one epoch (0-based). */
  public List<Step> epoch(int epoch) {
    return steps.stream().filter(s -> s.epoch() == epoch).toList();
  }

  /** {@return the rows as a training log names them; frozen as true or false} */
  public List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Step step : steps) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(MetricNames.STEP, step.step());
      row.put(MetricNames.EPOCH, step.epoch());
      for (int g = 0; g < groups.size() && step.has(g); g++) {
        String key = MetricNames.lr(optimizer, groups, g, true);
        row.put(key, step.lr(g));
        row.put(key + "-frozen", step.frozen(g));
        if (!Double.isNaN(step.momentum(g))) {
          row.put(MetricNames.momentum(key), step.momentum(g));
        }
        if (!Double.isNaN(step.weightDecay(g))) {
          row.put(MetricNames.weightDecay(key), step.weightDecay(g));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** {@return {@link #rows()} as CSV with a header; the columns in first-seen order, a group's cells empty before it joined} */
  public String csv() {
    Set<String> columns = new LinkedHashSet<>();
    List<Map<String, Object>> rows = rows();
    rows.forEach(row -> columns.addAll(row.keySet()));
    return Csv.write(columns, rows);
  }

  /** Writes {@link #csv()} to {@code file} atomically. */
  public void writeCsv(Path file) throws IOException {
    AtomicFiles.write(file, csv().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Right-aligned columns: {@code step}, {@code epoch}, then per group its lr ({@code frozen}
   * while frozen), and its momentum or beta1 and its weight decay where they change during the
   * run (a first line names those that stay constant, with their values); every
   * {@code every}-th step of each epoch, and always an epoch's first and last step.
   */
  public String table(int every) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1, was " + every);
    }
    List<String> header = new ArrayList<>(List.of("step", "epoch"));
    List<String> constants = new ArrayList<>();
    boolean[] momentumColumn = new boolean[groups.size()];
    boolean[] decayColumn = new boolean[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      int group = g;
      header.add(groups.get(g) + " lr");
      List<String> constant = new ArrayList<>();
      if (momentumNames.get(g) != null) {
        momentumColumn[g] = varies(s -> s.momentum(group), g);
        if (momentumColumn[g]) {
          header.add(groups.get(g) + " " + momentumNames.get(g));
        } else {
          constant.add(momentumNames.get(g) + " " + first(s -> s.momentum(group), g));
        }
      }
      if (hasWeightDecay(g)) {
        decayColumn[g] = varies(s -> s.weightDecay(group), g);
        if (decayColumn[g]) {
          header.add(groups.get(g) + " wd");
        } else {
          constant.add("weight_decay " + first(s -> s.weightDecay(group), g));
        }
      }
      if (!constant.isEmpty()) {
        constants.add(groups.get(g) + " " + String.join(" ", constant));
      }
    }
    List<List<String>> cells = new ArrayList<>(List.of(header));
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean last = i + 1 == steps.size() || steps.get(i + 1).epoch() != step.epoch();
      if (step.stepInEpoch() % every != 0 && !last) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(Long.toString(step.step()), Integer.toString(step.epoch())));
      for (int g = 0; g < groups.size(); g++) {
        boolean has = step.has(g);
        row.add(!has ? "" : step.normTrains(g) ? "frozen, norm " + number(step.lr(g))
            : step.frozen(g) ? "frozen" : number(step.lr(g)));
        if (momentumColumn[g]) {
          row.add(has ? number(step.momentum(g)) : "");
        }
        if (decayColumn[g]) {
          row.add(has ? number(step.weightDecay(g)) : "");
        }
      }
      cells.add(row);
    }
    int[] widths = new int[header.size()];
    for (List<String> row : cells) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    if (!constants.isEmpty()) {
      text.append("constant over the run: ").append(String.join(", ", constants)).append('\n');
    }
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + widths[c] + "s", row.get(c)));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** {@return {@link #table(int)} with every step} */
  public String table() {
    return table(1);
  }

  private boolean varies(java.util.function.ToDoubleFunction<Step> value, int g) {
    return steps.stream().filter(s -> s.has(g)).mapToDouble(value).distinct().count() > 1;
  }

  private double first(java.util.function.ToDoubleFunction<Step> value, int g) {
    return steps.stream().filter(s -> s.has(g)).mapToDouble(value).findFirst().orElse(Double.NaN);
  }

  private boolean hasWeightDecay(int g) {
    return steps.stream().anyMatch(s -> s.has(g) && !Double.isNaN(s.weightDecay(g)));
  }

  /** One group's lr per step (NaN before it joined); frozen steps hold the schedule's lr. */
  public double[] lrs(String group) {
    int g = group(group);
    return steps.stream().mapToDouble(s -> s.has(g) ? s.lr(g) : Double.NaN).toArray();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4e", value);
  }

  @Override
  public String toString() {
    return "PlanTrace[" + optimizer + ", groups " + groups + ", " + steps.size() + " steps, " + epochs + " epochs"
        + (steps.isEmpty() ? "" : ", first lrs " + Arrays.toString(steps.get(0).lrs())) + "]";
  }
}
