package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.grad.NonFiniteGradientException;
import dev.anneal.optim.OptimizerState;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanBehaviourTest {
  private final Parameter a = Parameter.of("a.w", 1f, -2f);
  private final Parameter b = Parameter.of("b.w", 0.5f);

  private TrainingPlanBuilder base() {
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(4)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("momentum", 0.9).with("weight_decay", 0.1))
        .schedulers(new TestSchedulers());
  }

  /** Gives every parameter the gradient {@code value}, also to frozen ones (as a careless engine would). */
  private void backward(TrainingPlan plan, float value) {
    for (Parameter p : plan.parameters()) {
      p.gradOrZeros().fill(value);
    }
  }

  @Test
  void frozenGroupGetsNoUpdateAndNoStateUnlikeLrZero() {
    TrainingPlan plan = base().group("a", a, g -> g.freezeUntilEpoch(1)).group("b", b).build();
    assertFalse(a.requiresGrad(), "the engine must be told");
    assertTrue(b.requiresGrad());
    plan.startEpoch();
    for (int i = 0; i < 4; i++) {
      backward(plan, 1f);
      assertEquals(StepOutcome.STEPPED, plan.afterBackward());
    }
    plan.endEpoch();
    assertArrayEquals(new float[] {1f, -2f}, a.values().toArray(), 0f, "momentum and weight decay must not move a frozen group");
    assertFalse(plan.optimizer().stateDict().state().containsKey("a.w"), "no state for a frozen parameter");
    assertTrue(plan.optimizer().stateDict().state().containsKey("b.w"));
    assertNotEquals(0.5f, b.values().get(0));

    plan.startEpoch();
    assertTrue(a.requiresGrad(), "unfrozen at the planned epoch");
    backward(plan, 1f);
    plan.afterBackward();
    // SGD first step with momentum: buf = g + wd * w; w -= lr * buf.
    assertEquals(1f - 0.1f * (1f + 0.1f * 1f), a.values().get(0), 1e-7f);
  }

  @Test
  void unfreezeAtStepHappensRightAfterTheStepSoTheNextBackwardHasGradients() {
    List<String> unfrozen = new ArrayList<>();
    TrainingPlan plan = base().group("a", a, g -> g.freezeUntilStep(2)).group("b", b)
        .listener(new PlanListener() {
          @Override
          public void onUnfreeze(TrainingClock clock, String group) {
            unfrozen.add(group + "@" + clock.step());
          }
        }).build();
    plan.startEpoch();
    backward(plan, 1f);
    plan.afterBackward();
    assertFalse(a.requiresGrad());
    backward(plan, 1f);
    plan.afterBackward();
    assertTrue(a.requiresGrad());
    assertEquals(List.of("a@2"), unfrozen);
    assertArrayEquals(new float[] {1f, -2f}, a.values().toArray(), 0f);
  }

  @Test
  void resetStatePolicyForgetsTheGroupsStateKeepPolicyKeepsIt() {
    for (UnfreezePolicy policy : UnfreezePolicy.values()) {
      Parameter pa = Parameter.of("a.w", 1f, -2f);
      Parameter pb = Parameter.of("b.w", 0.5f);
      TrainingPlan plan = base().group("a", pa, g -> g.freezeUntilStep(1).onUnfreeze(policy)).group("b", pb).build();
      // State from an earlier run (a fine-tuning start): a momentum buffer for both parameters.
      OptimizerState state = plan.optimizer().stateDict();
      Map<String, OptimizerState.ParamState> preset = Map.of(
          "a.w", new OptimizerState.ParamState(Map.of("momentum_buffer", new float[] {5f, 5f}), Map.of()),
          "b.w", new OptimizerState.ParamState(Map.of("momentum_buffer", new float[] {5f}), Map.of()));
      plan.optimizer().loadStateDict(new OptimizerState(state.type(), state.groups(), preset));
      plan.startEpoch();
      backward(plan, 1f);
      plan.afterBackward();
      Map<String, OptimizerState.ParamState> after = plan.optimizer().stateDict().state();
      assertEquals(policy == UnfreezePolicy.KEEP_STATE, after.containsKey("a.w"), policy.name());
      if (policy == UnfreezePolicy.KEEP_STATE) {
        assertArrayEquals(new float[] {5f, 5f}, after.get("a.w").tensors().get("momentum_buffer"), "frozen: state unchanged");
      }
      assertTrue(after.containsKey("b.w"));
    }
  }

  @Test
  void rewarmupRampsOnlyTheUnfrozenGroupsLrAndLeavesTheScheduleAlone() {
    List<StepReport> reports = new ArrayList<>();
    TrainingPlan plan = base().group("a", a, g -> g.freezeUntilStep(1).rewarmup(4)).group("b", b)
        .listener(new PlanListener() {
          @Override
          public void onStep(StepReport report) {
            reports.add(report);
          }
        }).build();
    plan.startEpoch();
    for (int i = 0; i < 4; i++) {
      backward(plan, 0.5f);
      plan.afterBackward();
    }
    plan.endEpoch();
    plan.startEpoch();
    for (int i = 0; i < 2; i++) {
      backward(plan, 0.5f);
      plan.afterBackward();
    }
    double[] expectedA = {0.1, 0.025, 0.05, 0.075, 0.1, 0.1};
    for (int s = 0; s < 6; s++) {
      assertEquals(s, reports.get(s).step());
      assertEquals(expectedA[s], reports.get(s).lr("a"), 1e-15, "step " + s);
      assertEquals(0.1, reports.get(s).lr("b"));
      assertEquals(0.9, reports.get(s).momentum("b"));
    }
    assertEquals(0.1, plan.group("a").lr(), "the group's scheduled lr is untouched");
  }

  @Test
  void lastStepLrIsTheLrTheStepUsedWithItsRewarmupFactor() {
    TrainingPlan plan = base().group("a", a, g -> g.freezeUntilStep(1).rewarmup(4)).group("b", b).build();
    assertEquals(0.1, plan.lastStepLr("a"), "before any step: the scheduled lr");
    plan.startEpoch();
    backward(plan, 0.5f);
    plan.afterBackward();
    backward(plan, 0.5f);
    plan.afterBackward();
    assertEquals(0.025, plan.lastStepLr("a"), 1e-15, "first step after the thaw: a quarter of the way up");
    assertEquals(0.1, plan.group("a").lr(), "while the group's scheduled lr stays");
    assertEquals(0.1, plan.lastStepLr("b"));
  }

  @Test
  void accumulationStepsEveryKMicroBatchesAndSchedulesCountOptimizerSteps() {
    Parameter p = Parameter.of("p", 1f);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(2).accumulate(3)
        .optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("p", p)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .schedulers(new TestSchedulers()).build();
    assertEquals(1.0 / 3, plan.lossScale());
    plan.startEpoch();
    float[] micro = {0.3f, 0.6f, 0.9f};
    for (float g : micro) {
      // The caller adds each scaled micro-batch gradient to the accumulated one.
      p.gradOrZeros().set(0, p.gradOrZeros().get(0) + g * (float) plan.lossScale());
      StepOutcome outcome = plan.afterBackward();
      assertEquals(g == 0.9f ? StepOutcome.STEPPED : StepOutcome.ACCUMULATED, outcome);
    }
    float accumulated = 0.3f * (float) (1.0 / 3) + 0.6f * (float) (1.0 / 3) + 0.9f * (float) (1.0 / 3);
    assertEquals(1f - accumulated, p.values().get(0));
    assertEquals(1, plan.clock().step());
    assertEquals(0.5, plan.group("p").lr(), "one optimizer step, one schedule step");
    // A partial accumulation at epoch end is stepped.
    p.gradOrZeros().set(0, 1f);
    plan.afterBackward();
    plan.endEpoch();
    assertEquals(2, plan.clock().step());
    assertEquals(1f - accumulated - 0.5f, p.values().get(0));
  }

  @Test
  void nonFiniteGradientSkipsTheStepAndTheSchedulesAndIsReported() {
    List<String> skipped = new ArrayList<>();
    TrainingPlan plan = base().group("a", a).group("b", b)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .listener(new PlanListener() {
          @Override
          public void onSkippedStep(TrainingClock clock, String reason) {
            skipped.add(reason);
          }
        }).build();
    plan.startEpoch();
    backward(plan, 1f);
    b.grad().set(0, Float.NaN);
    assertEquals(StepOutcome.SKIPPED_NON_FINITE, plan.afterBackward());
    assertArrayEquals(new float[] {1f, -2f}, a.values().toArray(), 0f);
    assertEquals(0.5f, b.values().get(0));
    assertEquals(0, plan.clock().step());
    assertEquals(1, plan.clock().skippedSteps());
    assertEquals(0.1, plan.group("a").lr(), "schedule not advanced");
    assertTrue(plan.optimizer().stateDict().state().isEmpty());
    assertEquals(1, skipped.size());
    assertTrue(skipped.get(0).contains("b.w[0] = NaN"), skipped.get(0));
    backward(plan, 1f);
    assertEquals(StepOutcome.STEPPED, plan.afterBackward());
    assertEquals(0.05, plan.group("a").lr());
  }

  @Test
  void nonFiniteGradientRaisesWhenClippingAsksForIt() {
    TrainingPlan plan = base().group("a", a).clipGradNorm(1.0, 2.0, true).build();
    plan.startEpoch();
    backward(plan, Float.POSITIVE_INFINITY);
    assertThrows(NonFiniteGradientException.class, plan::afterBackward);
  }

  @Test
  void clippingAppliesToTrainableGroupsBeforeTheStep() {
    Parameter p = Parameter.of("p", 0f, 0f);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("p", p).clipGradNorm(1.0).build();
    plan.startEpoch();
    p.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {3f, 4f}));
    plan.afterBackward();
    assertEquals(-0.6f, p.values().get(0), 1e-6f);
    assertEquals(-0.8f, p.values().get(1), 1e-6f);
  }

  @Test
  void plateauReadsTheMonitoredMetricAtEpochEnd() {
    TrainingPlan plan = base().group("a", a).monitor("val_loss")
        .schedule(Spec.of("ReduceLROnPlateau").with("factor", 0.5).with("patience", 0), Interval.EPOCH).build();
    TestSchedulers.Plateau plateau = (TestSchedulers.Plateau) plan.schedules().get(0).scheduler();
    plan.startEpoch();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> plan.endEpoch(Map.of("loss", 1.0)));
    assertTrue(missing.getMessage().contains("val_loss") && missing.getMessage().contains("[loss]"), missing.getMessage());
    assertTrue(plan.clock().inEpoch(), "a refused endEpoch changes nothing");
    plan.endEpoch(Map.of("val_loss", 1.0));
    plan.startEpoch();
    plan.endEpoch(Map.of("val_loss", 2.0));
    assertEquals(List.of(1.0, 2.0), plateau.seen());
    assertEquals(0.05, plan.group("a").lr());
  }

  @Test
  void runTimeChecksNameTheProblem() {
    Parameter shared = Parameter.of("shared.w", 1f);
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> base().group("stem", shared).group("body", ParameterSource.of(b, shared)).build());
    assertTrue(twice.getMessage().contains("shared.w") && twice.getMessage().contains("stem")
        && twice.getMessage().contains("body"), twice.getMessage());

    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> base().group("stem", ParameterSource.of(List.of())).build());
    assertTrue(empty.getMessage().contains("group stem holds no parameters"), empty.getMessage());

    IllegalStateException noSteps = assertThrows(IllegalStateException.class,
        () -> TrainingPlan.builder().epochs(2).optimizer(Spec.of("SGD")).group("a", a)
            .schedule(Spec.of("StepLR").with("step_size", 2), Interval.STEP).schedulers(new TestSchedulers()).build());
    assertTrue(noSteps.getMessage().contains("stepsPerEpoch"), noSteps.getMessage());

    IllegalStateException noMonitor = assertThrows(IllegalStateException.class,
        () -> base().group("a", a).schedule(Spec.of("ReduceLROnPlateau"), Interval.EPOCH).build());
    assertTrue(noMonitor.getMessage().contains("monitor("), noMonitor.getMessage());

    IllegalStateException plateauPerStep = assertThrows(IllegalStateException.class,
        () -> base().group("a", a).monitor("val_loss").schedule(Spec.of("ReduceLROnPlateau"), Interval.STEP).build());
    assertTrue(plateauPerStep.getMessage().contains("Interval.EPOCH"), plateauPerStep.getMessage());

    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> base().group("a", a, g -> g.freezeUntilEpoch(1).freezeUntilStep(3)).build());
    assertTrue(both.getMessage().contains("choose one"), both.getMessage());

    assertThrows(IllegalStateException.class, () -> base().group("a", a).build().afterBackward());
  }

  @Test
  void perGroupScheduleReplacesThePlanWideOneForThatGroup() {
    TrainingPlan plan = base().group("a", a).group("b", b, g -> g.set("lr", 1.0)
            .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.1), Interval.EPOCH))
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP).build();
    plan.startEpoch();
    backward(plan, 0f);
    plan.afterBackward();
    assertEquals(0.05, plan.group("a").lr());
    assertEquals(1.0, plan.group("b").lr());
    plan.endEpoch();
    assertEquals(0.05, plan.group("a").lr());
    assertEquals(0.1, plan.group("b").lr(), 1e-15);
  }

  @Test
  void closureStepDropsFrozenGradientsAndClipsAfterEveryEvaluation() {
    Parameter p = Parameter.of("p", 0f, 0f);
    Parameter frozen = Parameter.of("f", 1f);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("p", p).group("f", frozen, g -> g.freezeUntilEpoch(1)).clipGradNorm(1.0).build();
    plan.startEpoch();
    int[] evaluations = {0};
    StepOutcome outcome = plan.step(() -> {
      evaluations[0]++;
      p.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {3f, 4f}));
      frozen.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {1f}));
      return 1.0;
    });
    assertEquals(StepOutcome.STEPPED, outcome);
    assertEquals(2, evaluations[0], "once to check the gradients, once inside the optimizer step");
    assertEquals(-0.6f, p.values().get(0), 1e-6f);
    assertEquals(1f, frozen.values().get(0));
    assertEquals(1, plan.clock().step());

    StepOutcome skipped = plan.step(() -> {
      p.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {Float.NaN, 0f}));
      return Double.NaN;
    });
    assertEquals(StepOutcome.SKIPPED_NON_FINITE, skipped);
    assertEquals(-0.6f, p.values().get(0), 1e-6f);
    assertThrows(IllegalStateException.class, () -> TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD"))
        .group("p", Parameter.of("q", 1f)).accumulate(2).build().step(() -> 0.0));
  }

  @Test
  void stepReportsTheLrAndMomentumTheStepUsedEvenWhenTheScheduleCyclesMomentum() {
    List<StepReport> reports = new ArrayList<>();
    Parameter p = Parameter.of("p", 1f);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(10)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("momentum", 0.9))
        .group("p", p)
        .schedule(Spec.of("OneCycleLR").with("max_lr", 0.1).with("total_steps", 10), Interval.STEP) // real Schedulers
        .listener(new PlanListener() {
          @Override
          public void onStep(StepReport report) {
            reports.add(report);
          }
        }).build();
    plan.startEpoch();
    double lrBefore = plan.group("p").lr();
    double momentumBefore = plan.group("p").getDouble("momentum");
    p.gradOrZeros().fill(1f);
    plan.afterBackward();
    assertEquals(0.1 / 25, lrBefore, 1e-15, "OneCycleLR starts at max_lr / div_factor (through its cosine formula)");
    assertEquals(0.95, momentumBefore, "and at max_momentum");
    assertEquals(lrBefore, reports.get(0).lr("p"));
    assertEquals(momentumBefore, reports.get(0).momentum("p"));
    assertNotEquals(momentumBefore, plan.group("p").getDouble("momentum"), "the schedule moved it for the next step");
  }
}
