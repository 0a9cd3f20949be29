package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.AdamW;
import dev.anneal.spec.typed.FastaiFineTuneLR;
import dev.anneal.spec.typed.FastaiOneCycleLR;
import dev.anneal.spec.typed.SlantedTriangularLR;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fastai's fine_tune and fit_one_cycle and ULMFiT's slanted triangle, built with the typed DSL, resume
 * exactly from a checkpoint taken inside a stage, at a stage boundary and inside a later stage: every
 * step's lr and beta1 of every group, and the parameters, equal the uninterrupted run's bit for bit.
 */
class FastaiScheduleResumeTest {
  @TempDir Path dir;

  /** lr and momentum (beta1) of every group at every step, as raw bits. */
  static final class Log implements PlanListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void onStep(StepReport report) {
      StringBuilder line = new StringBuilder("step " + report.step() + ":");
      for (int g = 0; g < report.lrs().length; g++) {
        line.append(' ').append(Double.doubleToRawLongBits(report.lrs()[g]))
            .append('/').append(Double.doubleToRawLongBits(report.momenta()[g]));
      }
      lines.add(line.toString());
    }
  }

  private static final int EPOCHS = 4;
  private static final int STEPS = EPOCHS * ResumeHarness.BATCHES;

  private static TrainingPlan fineTune(ToyModel model, PlanListener listener) {
    return TrainingPlan.builder()
        .epochs(EPOCHS)
        .stepsPerEpoch(ResumeHarness.BATCHES)
        .optimizer(AdamW.spec().lr(2e-3).betas(0.9, 0.99).eps(1e-5).weightDecay(0.01))
        .group("a", model.a, g -> g.freezeUntilEpoch(1))
        .group("b", model.b)
        .group("c", model.c)
        .schedule(FastaiFineTuneLR.spec().epochs(3).totalSteps(STEPS), Interval.STEP)
        .listener(listener)
        .build();
  }

  private static TrainingPlan oneCycle(ToyModel model, PlanListener listener) {
    return TrainingPlan.builder()
        .epochs(EPOCHS)
        .stepsPerEpoch(ResumeHarness.BATCHES)
        .optimizer(AdamW.spec().lr(1e-2).betas(0.9, 0.99).eps(1e-5))
        .group("a", model.a, g -> g.lr(1e-3))
        .group("b", model.b)
        .group("c", model.c)
        .schedule(FastaiOneCycleLR.spec().totalSteps(STEPS), Interval.STEP)
        .listener(listener)
        .build();
  }

  private static TrainingPlan slantedTriangle(ToyModel model, PlanListener listener) {
    return TrainingPlan.builder()
        .epochs(EPOCHS)
        .stepsPerEpoch(ResumeHarness.BATCHES)
        .optimizer(AdamW.spec().lr(1e-2).betas(0.8, 0.99))
        .group("a", model.a, g -> g.lr(1e-2 / 2.6 / 2.6).freezeUntilEpoch(2))
        .group("b", model.b, g -> g.lr(1e-2 / 2.6).freezeUntilEpoch(1))
        .group("c", model.c)
        .schedule(SlantedTriangularLR.spec().cycles(EPOCHS).cutFrac(0.2).resetState(true).totalSteps(STEPS), Interval.STEP)
        .listener(listener)
        .build();
  }

  @Test
  void fineTuneResumesInsideAndBetweenStages() throws Exception {
    resumes(FastaiScheduleResumeTest::fineTune);
  }

  @Test
  void fitOneCycleResumes() throws Exception {
    resumes(FastaiScheduleResumeTest::oneCycle);
  }

  @Test
  void slantedTriangleResumesInsideACycle() throws Exception {
    resumes(FastaiScheduleResumeTest::slantedTriangle);
  }

  @Test
  void fineTuneClearsTheOptimizerStateWhenItUnfreezes() {
    clearsStateAt(FastaiScheduleResumeTest::fineTune, List.of(6));
  }

  @Test
  void slantedTriangleWithResetStateClearsItEveryCycle() {
    clearsStateAt(FastaiScheduleResumeTest::slantedTriangle, List.of(6, 12, 18));
  }

  @Test
  void fitOneCycleKeepsTheState() {
    clearsStateAt(FastaiScheduleResumeTest::oneCycle, List.of());
  }

  /** After each step, the optimizer holds no state exactly at the steps that begin a stage. */
  private static void clearsStateAt(java.util.function.BiFunction<ToyModel, PlanListener, TrainingPlan> build, List<Integer> stages) {
    ToyModel model = new ToyModel();
    TrainingPlan plan = build.apply(model, new Log());
    List<Integer> cleared = new ArrayList<>();
    ResumeHarness.run(plan, model, p -> {
      if (p.clock().inEpoch() && p.clock().microBatch() == 0 && p.optimizer().stateView().state().isEmpty()) {
        cleared.add((int) p.clock().step());
      }
      return false;
    });
    assertEquals(stages, cleared);
  }

  private void resumes(java.util.function.BiFunction<ToyModel, PlanListener, TrainingPlan> build) throws Exception {
    Log fullLog = new Log();
    ToyModel fullModel = new ToyModel();
    TrainingPlan full = build.apply(fullModel, fullLog);
    assertFalse(ResumeHarness.run(full, fullModel, p -> false));
    assertEquals(STEPS, fullLog.lines.size());
    assertEquals(fullLog.lines.size(), fullLog.lines.stream().distinct().count(), "the schedule moves at every step");

    List<Predicate<TrainingPlan>> stops = List.of(
        p -> p.clock().inEpoch() && p.clock().step() == 3,                 // inside the first stage
        p -> !p.clock().inEpoch() && p.clock().epoch() == 1,               // at the first stage's end
        p -> p.clock().inEpoch() && p.clock().step() == 15);               // inside a later stage
    for (Predicate<TrainingPlan> stop : stops) {
      Log firstLog = new Log();
      ToyModel firstModel = new ToyModel();
      TrainingPlan first = build.apply(firstModel, firstLog);
      assertTrue(ResumeHarness.run(first, firstModel, stop));
      Path file = dir.resolve("fastai.ckpt");
      first.save(file);

      Log secondLog = new Log();
      ToyModel secondModel = new ToyModel();
      TrainingPlan second = build.apply(secondModel, secondLog);
      second.load(file);
      assertFalse(ResumeHarness.run(second, secondModel, p -> false));

      List<String> resumed = new ArrayList<>(firstLog.lines);
      resumed.addAll(secondLog.lines);
      assertEquals(fullLog.lines, resumed, "lr and beta1 of every group at every step");
      for (int i = 0; i < fullModel.all().size(); i++) {
        Parameter expected = fullModel.all().get(i);
        assertArrayEquals(expected.values().toArray(), secondModel.all().get(i).values().toArray(), 0f, expected.name());
      }
    }
  }
}
