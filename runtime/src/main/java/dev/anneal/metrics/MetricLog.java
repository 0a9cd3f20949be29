package dev.anneal.metrics;

import dev.anneal.grad.GradientClipping;
import dev.anneal.loop.TrainingListener;
import dev.anneal.loop.TrainingResult;
import dev.anneal.optim.ParamGroup;
import dev.anneal.plan.HookHandle;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Logs a plan's training, one row per optimizer step and one per epoch end, to CSV and JSON lines
 * files under the names Lightning's {@code LearningRateMonitor} uses ({@link MetricNames}):
 *
 * <pre>{@code
 * try (MetricLog log = MetricLog.of(plan).csv(dir.resolve("metrics.csv")).jsonLines(dir.resolve("metrics.jsonl"))
 *     .gradNorm()) {
 *   TrainingLoop.of(plan).listener(log).train(...).run();
 * }
 * }</pre>
 *
 * A step row holds {@code step}, {@code epoch}, per group the lr the step used (re-warmup
 * included), its momentum or Adam's beta1 and its weight decay where the group has them, the mean
 * {@code loss} of the step's micro-batches (heard through {@link #onLoss}, or given with
 * {@link #loss}), {@code skipped_steps} so far and, with {@link #gradNorm()}, the gradients' total
 * 2-norm before clipping. A skipped step writes no row of its own: the next row's
 * {@code skipped_steps} has grown. An epoch row holds {@code step}, {@code epoch} (the epoch that
 * ended, 0-based) and the metrics given to {@code endEpoch}.
 */
public final class MetricLog implements TrainingListener, AutoCloseable {
  private final TrainingPlan plan;
  private final List<MetricSink> sinks = new ArrayList<>();
  private boolean byName = true;
  private HookHandle gradNormHook;
  private double gradNorm = Double.NaN;
  private double lossSum;
  private long lossCount;

  private MetricLog(TrainingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  /**
   * A log of {@code plan}; add files, then give it to {@code TrainingLoop.listener} or {@code plan.addListener}.
   *
   * @param plan the plan whose steps and epochs are logged
   * @return the log, writing nowhere yet
   */
  public static MetricLog of(TrainingPlan plan) {
    return new MetricLog(plan);
  }

  /**
   * Also writes {@code file} as CSV (rewritten atomically at every epoch end and when closed).
   *
   * @param file the CSV file
   * @return this log
   */
  public MetricLog csv(Path file) {
    return to(new CsvFile(file));
  }

  /**
   * Also appends to {@code file} as JSON lines (one line per row as it happens).
   *
   * @param file the JSON lines file, created or appended to
   * @return this log
   * @throws UncheckedIOException when the file cannot be opened
   */
  public MetricLog jsonLines(Path file) {
    try {
      return to(new JsonLinesFile(file));
    } catch (IOException e) {
      throw new UncheckedIOException("could not open metric log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Also writes to {@code sink}.
   *
   * @param sink where rows go
   * @return this log
   */
  public MetricLog to(MetricSink sink) {
    sinks.add(Objects.requireNonNull(sink, "sink"));
    return this;
  }

  /**
   * Names groups {@code pg1, pg2, ...} (a single group: no suffix), as Lightning names PyTorch's
   * unnamed groups, instead of by their names.
   *
   * @return this log
   */
  public MetricLog groupsByIndex() {
    this.byName = false;
    return this;
  }

  /**
   * Logs the total 2-norm of the trainable gradients of every step, measured before clipping by a
   * hook before the step: one extra pass over the gradients per step, so off unless asked for.
   *
   * @return this log
   */
  public MetricLog gradNorm() {
    if (gradNormHook == null) {
      gradNormHook = plan.hooks().beforeStep((p, trainable) -> gradNorm = GradientClipping.totalNorm(trainable, 2.0));
    }
    return this;
  }

  /**
   * The unscaled loss of a micro-batch, when the plan is driven without a {@code TrainingLoop}.
   *
   * @param loss the loss
   */
  public void loss(double loss) {
    lossSum += loss;
    lossCount++;
  }

  @Override
  public void onLoss(TrainingClock clock, double loss) {
    loss(loss);
  }

  @Override
  public void onStep(StepReport report) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(MetricNames.STEP, report.step());
    row.put(MetricNames.EPOCH, report.epoch());
    List<String> names = report.groups();
    double[] lrs = report.lrs();
    double[] momenta = report.momenta();
    String type = plan.optimizer().type();
    for (int g = 0; g < names.size(); g++) {
      String key = MetricNames.lr(type, names, g, byName);
      row.put(key, lrs[g]);
      if (!Double.isNaN(momenta[g])) {
        row.put(MetricNames.momentum(key), momenta[g]);
      }
      ParamGroup group = plan.group(names.get(g));
      if (group.has(ParamGroup.WEIGHT_DECAY) && group.get(ParamGroup.WEIGHT_DECAY) instanceof Number wd) {
        row.put(MetricNames.weightDecay(key), wd.doubleValue());
      }
    }
    if (lossCount > 0) {
      row.put(MetricNames.LOSS, lossSum / lossCount);
    }
    row.put(MetricNames.SKIPPED_STEPS, plan.clock().skippedSteps());
    if (gradNormHook != null) {
      row.put(MetricNames.GRAD_NORM, gradNorm);
    }
    lossSum = 0;
    lossCount = 0;
    gradNorm = Double.NaN;
    write(row, false);
  }

  @Override
  public void onSkippedStep(TrainingClock clock, String reason) {
    // The step's losses belong to no row: the step did not happen.
    lossSum = 0;
    lossCount = 0;
    gradNorm = Double.NaN;
  }

  @Override
  public void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(MetricNames.STEP, clock.step());
    row.put(MetricNames.EPOCH, clock.epoch() - 1);
    row.putAll(metrics);
    write(row, true);
  }

  @Override
  public void onTrainingEnd(TrainingResult result) {
    flush();
  }

  private void write(Map<String, Object> row, boolean flush) {
    try {
      for (MetricSink sink : sinks) {
        sink.write(row);
        if (flush) {
          sink.flush();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the metric log: " + e.getMessage(), e);
    }
  }

  /** Makes every row so far readable in every file. */
  public void flush() {
    try {
      for (MetricSink sink : sinks) {
        sink.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the metric log: " + e.getMessage(), e);
    }
  }

  /** Flushes and closes the files and removes the gradient-norm hook. */
  @Override
  public void close() throws IOException {
    if (gradNormHook != null) {
      gradNormHook.remove();
    }
    IOException first = null;
    for (MetricSink sink : sinks) {
      try {
        sink.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
