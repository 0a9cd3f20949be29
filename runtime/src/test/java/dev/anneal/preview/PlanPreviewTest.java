package dev.anneal.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingLoop;
import dev.anneal.metrics.CsvFile;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.TrainingPlanBuilder;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanPreviewTest {
  private final Parameter stem = Parameter.of("stem.w", 1f, -2f);
  private final Parameter body = Parameter.of("body.w", 0.5f, 0.25f, -1f);
  private final Parameter head = Parameter.of("head.w", 0.75f);

  /** Frozen stem with re-warmup, a body with its own step schedule, a head on the plan-wide cosine after a step warmup. */
  private TrainingPlanBuilder transfer(int stepsPerEpoch, int accumulate) {
    return TrainingPlan.builder().epochs(4).stepsPerEpoch(stepsPerEpoch).accumulate(accumulate)
        .optimizer(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.01))
        .group("stem", stem, g -> g.lr(1e-4).freezeUntilEpoch(2).rewarmup(3))
        .group("body", body, g -> g.lr(3e-4).weightDecay(0).schedule(Spec.of("StepLR").with("step_size", 4).with("gamma", 0.5), Interval.STEP))
        .group("head", head)
        .stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", 4).with("warmup_factor", 0.1))
        .schedule(Spec.of("CosineAnnealingLR").with("T_max", 4 * stepsPerEpoch).with("eta_min", 1e-5), Interval.STEP);
  }

  @Test
  void aFrozenGroupIsMarkedFrozenUntilItsEpochThenRewarmsUpOnItsSchedule() throws IOException {
    PlanTrace trace = PlanPreview.of(transfer(5, 1).build()).run();
    assertEquals(20, trace.steps().size());
    int s = trace.group("stem");
    for (PlanTrace.Step step : trace.steps()) {
      assertEquals(step.epoch() < 2, step.frozen(s), "frozen exactly before epoch 2, at step " + step.step());
      if (step.epoch() < 2) {
        assertEquals(0.0, step.effectiveLr(s));
      }
    }
    // Epoch 2 starts at step 10: the stem follows the plan-wide cosine (its lr times 1/3, 2/3, 1 of re-warmup).
    double[] head = trace.lrs("head");
    double[] stemLrs = trace.lrs("stem");
    for (int k = 0; k < 3; k++) {
      double cosine = 1e-5 + (1e-4 - 1e-5) * (1 + Math.cos(Math.PI * (10 + k) / 20)) / 2;
      assertEquals(cosine * (k + 1) / 3.0, stemLrs[10 + k], 1e-12, "re-warmup step " + (k + 1));
    }
    assertEquals(1e-5 + (1e-3 - 1e-5) * (1 + Math.cos(Math.PI * 13 / 20)) / 2, head[13], 1e-12);
    // The body has its own StepLR and no step warmup; the head warms up over its first 4 steps.
    assertArrayEquals(new double[] {3e-4, 3e-4, 3e-4, 3e-4, 1.5e-4}, java.util.Arrays.copyOf(trace.lrs("body"), 5), 1e-15);
    assertEquals(1e-3 * 0.1, head[0], 1e-15);
    assertTrue(head[1] > head[0] && head[2] > head[1], "warming up");
    assertEquals(0.9, trace.steps().get(0).momentum(s), "AdamW's beta1");
    assertEquals(0.0, trace.steps().get(0).weightDecay(trace.group("body")));
    assertTrue(trace.table().lines().skip(2).limit(10).allMatch(line -> line.contains("frozen")), trace.table());
  }

  @Test
  void accumulationDividesTheOptimizerStepsOfAnEpoch() throws IOException {
    TrainingPlan plan = transfer(3, 4).build();
    PlanTrace declared = PlanPreview.of(plan).run();
    assertEquals(4 * 3, declared.steps().size(), "stepsPerEpoch 3 with accumulate 4: 12 batches per epoch by default");
    PlanTrace ragged = PlanPreview.of(plan).batchesPerEpoch(10).run();
    for (int epoch = 0; epoch < 4; epoch++) {
      assertEquals(3, ragged.epoch(epoch).size(), "10 batches, 4 per step: 2 full windows and a partial one");
    }
    assertEquals(List.of(0L, 1L, 2L), ragged.epoch(1).stream().map(PlanTrace.Step::stepInEpoch).toList());
  }

  @Test
  void recordedLrsAreWhatARealTrainingLoopsOptimizerUses() throws IOException {
    PlanTrace preview = PlanPreview.of(transfer(5, 2).build()).batchesPerEpoch(9).run();

    TrainingPlan plan = transfer(5, 2).build();
    List<double[]> seen = new ArrayList<>();
    List<double[]> seenMomenta = new ArrayList<>();
    List<boolean[]> seenFrozen = new ArrayList<>();
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        seen.add(report.lrs());
        seenMomenta.add(report.momenta());
        boolean[] frozen = new boolean[3];
        for (int g = 0; g < 3; g++) {
          frozen[g] = plan.isFrozen(report.groups().get(g));
        }
        seenFrozen.add(frozen);
      }
    });
    TrainingLoop.of(plan).batchesPerEpoch(9).console(null).train((epoch, batch, scale) -> {
      for (Parameter p : plan.parameters()) {
        if (p.requiresGrad()) {
          FloatStorage g = p.gradOrZeros();
          for (int i = 0; i < p.size(); i++) {
            g.set(i, g.get(i) + (float) (scale * (p.values().get(i) - 0.1 * (epoch + batch))));
          }
        }
      }
      return 1.0;
    }).run();

    assertEquals(seen.size(), preview.steps().size());
    for (int i = 0; i < seen.size(); i++) {
      PlanTrace.Step step = preview.steps().get(i);
      assertArrayEquals(seen.get(i), step.lrs(), 0.0, "lrs of step " + i);
      assertArrayEquals(seenMomenta.get(i), step.momenta(), 0.0, "beta1 of step " + i);
      assertArrayEquals(seenFrozen.get(i), step.frozen(), "frozen groups at step " + i);
    }
  }

  @Test
  void theOptimizerSeesTheRecordedLrDuringItsStep() throws IOException {
    // SGD without momentum moves w by exactly lr * grad: the lr the optimizer applied, read off the weights.
    Parameter w = Parameter.of("w", 0f);
    TrainingPlan plan = TrainingPlan.builder().epochs(3).stepsPerEpoch(4)
        .optimizer(Spec.of("SGD").with("lr", 0.5))
        .group("w", w, g -> g.freezeUntilEpoch(1).rewarmup(2))
        .schedule(Spec.of("StepLR").with("step_size", 3).with("gamma", 0.5), Interval.STEP).build();
    PlanTrace preview = PlanPreview.of(plan).run();
    List<Double> applied = new ArrayList<>();
    TrainingLoop.of(plan).console(null).train((epoch, batch, scale) -> {
      if (w.requiresGrad()) {
        w.gradOrZeros().set(0, -1f);
      }
      return 1.0;
    }).listener(new dev.anneal.loop.TrainingListener() {
      float before;

      @Override
      public void onLoss(dev.anneal.plan.TrainingClock clock, double loss) {
        before = w.values().get(0);
      }

      @Override
      public void onStep(StepReport report) {
        applied.add((double) (w.values().get(0) - before));
      }
    }).run();
    for (int i = 0; i < applied.size(); i++) {
      assertEquals((float) preview.steps().get(i).effectiveLr(0), applied.get(i).floatValue(), "step " + i);
    }
    assertEquals(0.0, applied.get(3));
    assertEquals(0.25 / 2, applied.get(4), 1e-7, "first step after unfreezing: StepLR's 0.25 at half re-warmup");
  }

  @Test
  void thePlanIsUntouchedAndItsListenersHearNothing() throws IOException {
    List<Long> heard = new ArrayList<>();
    TrainingPlan plan = transfer(5, 1).listener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        heard.add(report.step());
      }
    }).build();
    float[] before = stem.values().toArray();
    PlanPreview.of(plan).run();
    assertTrue(heard.isEmpty());
    assertEquals(0, plan.clock().step());
    assertEquals(0, plan.clock().epoch());
    assertTrue(plan.isFrozen("stem"));
    assertEquals(1e-3, plan.group("head").lr(), 0.0, "the schedule back at its start");
    assertArrayEquals(before, stem.values().toArray(), 0f);
  }

  @Test
  void aPlateauPlanNeedsTheMetricsToAssume() throws IOException {
    TrainingPlan plan = TrainingPlan.builder().epochs(6).stepsPerEpoch(2)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("momentum", 0.9))
        .group("all", head)
        .schedule(Spec.of("ReduceLROnPlateau").with("patience", 1).with("factor", 0.5), Interval.EPOCH)
        .monitor("val_loss").build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlanPreview.of(plan).run());
    assertTrue(e.getMessage().contains("metrics(epoch -> Map.of(\"val_loss\""), e.getMessage());
    PlanTrace trace = PlanPreview.of(plan).metrics(epoch -> Map.of("val_loss", 1.0)).run();
    // A flat loss: the first epoch sets the best, two more without improvement reduce (patience 1).
    assertEquals(List.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025),
        java.util.Arrays.stream(trace.lrs("all")).boxed().toList());
  }

  @Test
  void csvIsWrittenWithTheMetricLogsNames(@TempDir Path dir) throws IOException {
    PlanTrace trace = PlanPreview.of(transfer(5, 1).build()).run();
    Path file = dir.resolve("plan.csv");
    trace.writeCsv(file);
    List<Map<String, String>> rows = CsvFile.read(file);
    assertEquals(20, rows.size());
    assertEquals("true", rows.get(0).get("lr-AdamW/stem-frozen"));
    assertEquals("false", rows.get(10).get("lr-AdamW/stem-frozen"));
    assertEquals(trace.steps().get(7).lr(2), Double.parseDouble(rows.get(7).get("lr-AdamW/head")));
    assertEquals("0.9", rows.get(0).get("lr-AdamW/head-momentum"));
    assertEquals("0.0", rows.get(0).get("lr-AdamW/body-weight_decay"));
    assertFalse(Files.list(dir).anyMatch(p -> !p.equals(file)), "no temporary left");
  }
}
