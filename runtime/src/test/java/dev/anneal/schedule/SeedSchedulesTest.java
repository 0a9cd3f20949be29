package dev.anneal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.optim.Optimizer;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Registry;
import dev.anneal.spec.Spec;
import dev.anneal.spec.typed.Adam;
import dev.anneal.spec.typed.CosineAnnealingWarmupRestarts;
import dev.anneal.vocabulary.Category;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seeds' scheduler lines, pasted as they are written, give the recorded numbers: katsura-jp's
 * {@code CosineAnnealingWarmupRestarts} (its emulation's fixtures) and PyTorch's resume by
 * {@code last_epoch} (torch's fixtures), refused where PyTorch refuses it.
 */
class SeedSchedulesTest {

  private static SchedulerFixtures.Case fixture(String file, String name) throws IOException {
    return SchedulerFixtures.read(SchedulerFixtures.folder().resolve(file)).stream()
        .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** Builds the pasted spec on the case's optimizer and checks every step's lr against the case's trace. */
  private static void replayPasted(String pasted, SchedulerFixtures.Case c) {
    replay(Spec.parse(pasted), c);
  }

  private static void replay(Spec spec, SchedulerFixtures.Case c) {
    assertEquals(c.scheduleSpec().type(), spec.type());
    assertEquals(resolved(c.scheduleSpec()), resolved(spec), "the pasted call is the recorded case");
    Optimizer optimizer = c.newOptimizer();
    LrScheduler scheduler = Schedulers.create(spec, optimizer);
    for (int step = 0; step <= c.steps(); step++) {
      if (step > 0) {
        scheduler.step();
      }
      for (int g = 0; g < c.initialLrs().size(); g++) {
        expectLr(c, step, g, optimizer.paramGroups().get(g).lr());
      }
    }
  }

  private static Map<String, Object> resolved(Spec spec) {
    return Registry.require(Category.SCHEDULER, spec.type()).resolve(spec.kwargs()).asMap();
  }

  private static void expectLr(SchedulerFixtures.Case c, int step, int g, double got) {
    double want = c.trace().get(step).get("lr").get(g);
    if (!(Math.abs(got - want) <= 1e-12 + 1e-10 * Math.abs(want))) {
      fail(c.name() + ": step " + step + ", group " + g + ", lr " + got + ", recorded " + want);
    }
  }

  @Test
  void theSeedsWarmupRestartsAsPasted() throws IOException {
    replayPasted("lr_scheduler.CosineAnnealingWarmupRestarts(optimizer, first_cycle_steps=200, max_lr=0.1, min_lr=0.001,"
        + " warmup_steps=50, gamma=0.5)", fixture("warmup_restarts.json", "warmup_restarts_seed"));
  }

  @Test
  void theReferencesReadmeLineAsPasted() throws IOException {
    replayPasted("scheduler = cosine_annealing_warmup.CosineAnnealingWarmupRestarts(optimizer, first_cycle_steps=200,"
        + " cycle_mult=1.0, max_lr=0.1, min_lr=0.001, warmup_steps=50, gamma=0.5)", fixture("warmup_restarts.json", "warmup_restarts_seed"));
  }

  @Test
  void theTypedPerGroupFormIsTheRecordedListCase() throws IOException {
    replay(CosineAnnealingWarmupRestarts.spec().firstCycleSteps(8).cycleMult(1.5).maxLr(List.of(0.1, 0.01))
        .minLr(List.of(0.001, 0.0001)).warmupSteps(2).gamma(0.8).toSpec(), fixture("warmup_restarts.json", "warmup_restarts_per_group_lists"));
  }

  @Test
  void perGroupListsMustCoverTheGroups() {
    Optimizer three = FixtureOptimizers.create("SGD", Map.of(), List.of(0.1, 0.1, 0.1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedulers.create(
        CosineAnnealingWarmupRestarts.spec().firstCycleSteps(8).maxLr(List.of(0.1, 0.01)), three));
    assertTrue(e.getMessage().contains("expected 3 values for max_lr"), e.getMessage());
  }

  @Test
  void stepLrResumedAtFourAsPasted() throws IOException {
    replayPasted("StepLR(optimizer, step_size=2, gamma=0.5, last_epoch=4)", fixture("last_epoch.json", "step_lr_resumed_at_4"));
  }

  @Test
  void lastEpochOnGroupsWithoutInitialLrIsPyTorchsKeyError() {
    Optimizer fresh = FixtureOptimizers.create("SGD", Map.of(), List.of(0.1, 0.02));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedulers.create(Spec.parse("StepLR(optimizer, step_size=2, gamma=0.5, last_epoch=4)"), fresh));
    assertTrue(e.getMessage().contains("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer"),
        e.getMessage());
    assertEquals(0.1, fresh.paramGroups().get(0).lr(), 0.0, "a refused construction changes no lr");
    assertTrue(!fresh.paramGroups().get(0).has("initial_lr"), "a refused construction writes no initial_lr");
  }

  /** The seed's own class: a user's scheduler whose descriptor takes {@code Argument.lastEpoch()} resumes as a built-in one does. */
  @Test
  void theSeedsOwnSchedulerTakesLastEpoch() {
    Optimizer optimizer = FixtureOptimizers.create("SGD", Map.of(), List.of(0.1));
    LrScheduler started = Schedulers.create(Spec.parse("MyCustomScheduler(optimizer, last_epoch=-1)"), optimizer);
    assertEquals(0.1, optimizer.paramGroups().get(0).lr(), 0.0);
    for (int i = 0; i < 3; i++) {
      started.step();
    }
    assertEquals(0.1 * Math.pow(0.9, 3), optimizer.paramGroups().get(0).lr(), 1e-17);
    AbstractLrScheduler resumed = (AbstractLrScheduler) Schedulers.create(Spec.parse("MyCustomScheduler(optimizer, last_epoch=3)"), optimizer);
    assertEquals(4, resumed.lastEpoch(), "construction takes the step to k + 1");
    assertEquals(0.1 * Math.pow(0.9, 4), optimizer.paramGroups().get(0).lr(), 1e-17);
    Optimizer fresh = FixtureOptimizers.create("SGD", Map.of(), List.of(0.1));
    assertThrows(IllegalArgumentException.class, () -> Schedulers.create(Spec.parse("MyCustomScheduler(optimizer, last_epoch=3)"), fresh));
  }

  @Test
  void lastEpochMinusOneIsTheDefault() throws IOException {
    SchedulerFixtures.Case c = fixture("step_lr.json", "step_gamma_two_groups");
    replayPasted("StepLR(optimizer, step_size=2, gamma=0.5, last_epoch=-1)", c);
  }

  /**
   * The seed steps the scheduler once per batch inside its epoch loop: a plan with the schedule at
   * {@link Interval#STEP} uses, at each optimizer step, the lr the recorded trace holds before that step.
   */
  @Test
  void warmupRestartsSteppedPerBatchInsideEpochs() throws IOException {
    SchedulerFixtures.Case c = fixture("warmup_restarts.json", "warmup_restarts_per_batch_4_epochs_of_12");
    int epochs = 4;
    int batches = 12;
    assertEquals(epochs * batches, c.steps());
    List<Double> used = new ArrayList<>();
    TrainingPlan plan = TrainingPlan.builder().epochs(epochs).stepsPerEpoch(batches)
        .optimizer(Adam.spec().lr(c.initialLrs().get(0)))
        .group("model", Parameter.zeros("w", 3), g -> { })
        .schedule(c.scheduleSpec(), Interval.STEP)
        .listener(new PlanListener() {
          @Override
          public void onStep(StepReport report) {
            used.add(report.lrs()[0]);
          }
        })
        .build();
    for (int epoch = 0; epoch < epochs; epoch++) {
      plan.startEpoch();
      for (int batch = 0; batch < batches; batch++) {
        for (Parameter p : plan.parameters()) {
          p.setGrad(FloatStorage.wrap(new float[p.size()]));
        }
        plan.afterBackward();
      }
      plan.endEpoch();
    }
    assertEquals(epochs * batches, used.size());
    for (int step = 0; step < used.size(); step++) {
      expectLr(c, step, 0, used.get(step));
    }
    expectLr(c, c.steps(), 0, plan.optimizer().paramGroups().get(0).lr());
  }
}
