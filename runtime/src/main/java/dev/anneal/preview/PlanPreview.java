package dev.anneal.preview;

import dev.anneal.optim.ParamGroup;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.TrialRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Previews a whole plan by running it: the plan steps exactly as a training loop steps it
 * ({@code startEpoch}, one {@code afterBackward} per micro-batch, {@code finishEpochSteps},
 * {@code endEpoch}) but without gradients, so freezing, per-group schedules, re-warmup,
 * accumulation and warmup act as they will in training, and nothing here restates a formula.
 * Each optimizer step is recorded as the plan reports it to its listeners.
 *
 * <pre>{@code
 * PlanTrace trace = PlanPreview.of(plan).batchesPerEpoch(250).run();
 * trace.writeCsv(Path.of("plan.csv"));
 * }</pre>
 *
 * The preview runs inside a {@link TrialRun}: afterwards the plan, its parameters, optimizer
 * state, schedules, freeze state and clock are exactly as before, and its listeners heard nothing.
 * It covers what is left of the plan: from its clock (0 for a new plan) to the last epoch.
 */
public final class PlanPreview {
  private final TrainingPlan plan;
  private long batchesPerEpoch;
  private IntFunction<Map<String, Double>> metrics;

  private PlanPreview(TrainingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.batchesPerEpoch = plan.stepsPerEpoch() > 0 ? plan.stepsPerEpoch() * plan.accumulate() : -1;
  }

  public static PlanPreview of(TrainingPlan plan) {
    return new PlanPreview(plan);
  }

  /**
   * Micro-batches per epoch (backward passes); by default the plan's stepsPerEpoch times its
   * accumulation, as {@code TrainingLoop} does. With {@code accumulate(k)} an epoch takes
   * {@code ceil(batches / k)} optimizer steps, the last one over a partial window.
   */
  public PlanPreview batchesPerEpoch(long batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("batchesPerEpoch must be at least 1, was " + batches);
    }
    this.batchesPerEpoch = batches;
    return this;
  }

  /**
   * The metrics each epoch ends with (epoch 0-based), for a plan that reduces on a plateau: the
   * preview cannot know the validation loss, so it takes the values to assume.
   */
  public PlanPreview metrics(IntFunction<Map<String, Double>> metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /** Runs the rest of the plan and restores it; one recorded row per optimizer step. */
  public PlanTrace run() throws IOException {
    if (batchesPerEpoch < 1) {
      throw new IllegalStateException("the preview needs batchesPerEpoch(n): the plan was built without stepsPerEpoch");
    }
    if (plan.monitor() != null && metrics == null) {
      throw new IllegalStateException("the plan reduces on a plateau of " + plan.monitor() + ", which only training "
          + "measures; give the values to assume with metrics(epoch -> Map.of(\"" + plan.monitor() + "\", ...))");
    }
    if (plan.clock().inEpoch() && plan.clock().microBatch() != 0) {
      throw new IllegalStateException("the preview needs the plan between optimizer steps, but " + plan.clock().microBatch()
          + " of " + plan.accumulate() + " micro-batches are accumulated");
    }
    return TrialRun.of(plan).run(this::drive);
  }

  private PlanTrace drive(TrainingPlan plan) {
    List<String> groups = plan.groups().stream().map(ParamGroup::name).toList();
    List<PlanTrace.Step> steps = new ArrayList<>();
    TrainingClock clock = plan.clock();
    PlanListener recorder = new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        // Read before the plan applies freezing for the next step: the state this step ran in.
        int n = report.groups().size();
        boolean[] frozen = new boolean[n];
        boolean[] normTrains = new boolean[n];
        double[] weightDecays = new double[n];
        for (int g = 0; g < n; g++) {
          String name = report.groups().get(g);
          frozen[g] = plan.isFrozen(name);
          normTrains[g] = frozen[g] && plan.trainsNormWhileFrozen(name);
          ParamGroup group = plan.group(name);
          weightDecays[g] = group.has(ParamGroup.WEIGHT_DECAY) && group.get(ParamGroup.WEIGHT_DECAY) instanceof Number wd
              ? wd.doubleValue() : Double.NaN;
        }
        steps.add(new PlanTrace.Step(report.step(), report.epoch(), clock.stepInEpoch() - 1,
            report.lrs(), frozen, report.momenta(), weightDecays, normTrains));
      }
    };
    boolean closureSteps = plan.optimizer().type().equals("LBFGS");
    plan.addListener(recorder);
    try {
      while (!plan.finished()) {
        if (!clock.inEpoch()) {
          plan.startEpoch();
        }
        int epoch = clock.epoch();
        while (clock.batchInEpoch() < batchesPerEpoch) {
          // No gradients (an engine's are zeroed): the optimizer steps over parameters that do not move.
          plan.optimizer().zeroGrad(true);
          if (closureSteps) {
            plan.step(() -> 0.0);
          } else {
            plan.afterBackward();
          }
        }
        plan.finishEpochSteps();
        plan.endEpoch(metrics == null ? Map.of() : metrics.apply(epoch));
      }
    } finally {
      plan.removeListener(recorder);
    }
    return new PlanTrace(plan.optimizer().type(), groups, momentumNames(plan), plan.epochs(), steps);
  }

  /** Per group, what its momentum column holds: {@code momentum}, {@code beta1} or null. */
  private static List<String> momentumNames(TrainingPlan plan) {
    List<String> names = new ArrayList<>();
    for (ParamGroup group : plan.groups()) {
      names.add(group.has(ParamGroup.MOMENTUM) ? "momentum" : group.has(ParamGroup.BETAS) ? "beta1" : null);
    }
    return names;
  }
}
