package dev.anneal.samples.fashion;

import dev.anneal.loop.TrainingListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.History;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records what a plan does into a {@link History} for the plots: each step's lr per group (0 for
 * a group frozen at that step, so a frozen phase shows) and each epoch's metrics.
 */
public final class HistoryListener implements TrainingListener {
  private final TrainingPlan plan;
  private final History history;
  private int epochs;

  public HistoryListener(TrainingPlan plan, History history) {
    this.plan = plan;
    this.history = history;
  }

  public History history() {
    return history;
  }

  @Override
  public void onStep(StepReport report) {
    Map<String, Double> lrs = new LinkedHashMap<>();
    for (String group : report.groups()) {
      lrs.put(group, plan.isFrozen(group) ? 0.0 : report.lr(group));
    }
    history.recordLr(report.step(), lrs);
  }

  @Override
  public void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {
    history.recordEpoch(++epochs, metrics);
  }
}
