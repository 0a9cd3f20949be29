package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group added to a running plan (Lightning's unfreeze_and_add_param_group). */
class AddGroupTest {
  @TempDir Path dir;

  private static TrainingPlan plan(Parameter a) {
    return TrainingPlan.builder().epochs(4).stepsPerEpoch(3)
        .optimizer(Spec.of("Adam").with("lr", 0.1))
        .group("a", a)
        .schedule(Spec.of("StepLR").with("step_size", 2).with("gamma", 0.5), Interval.STEP)
        .build();
  }

  private static void steps(TrainingPlan plan, int n, Parameter... params) {
    for (int i = 0; i < n; i++) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      for (Parameter p : params) {
        float[] g = new float[p.size()];
        for (int k = 0; k < g.length; k++) {
          g[k] = p.values().get(k) - 0.25f * k + 0.01f * plan.clock().step();
        }
        p.setGrad(FloatStorage.wrap(g));
      }
      plan.afterBackward();
      if (plan.clock().batchInEpoch() == 3) {
        plan.endEpoch();
      }
    }
  }

  @Test
  void anAddedGroupTrainsAndJoinsTheScheduleAtTheCurrentPosition() {
    Parameter a = Parameter.of("a.w", 1f, 2f);
    Parameter b = Parameter.of("b.w", -1f, 3f, 0.5f);
    TrainingPlan plan = plan(a);
    steps(plan, 4, a);
    ParamGroup added = plan.addGroup("b", b, g -> g.set("lr", 0.4));
    assertEquals(List.of("a", "b"), plan.groups().stream().map(ParamGroup::name).toList());
    float[] before = b.values().toArray();
    steps(plan, 5, a, b);
    assertFalse(java.util.Arrays.equals(before, b.values().toArray()), "the added group trains");
    // StepLR at step 9: both groups at the same factor of their own initial lr.
    double factorA = plan.group("a").lr() / 0.1;
    assertEquals(0.5 * 0.5 * 0.5 * 0.5, factorA, 1e-15);
    assertEquals(0.4 * factorA, added.lr(), 1e-15, "b joined at the current position (its initial_lr is 0.4)");
  }

  @Test
  void checkpointsRecordAddedGroupsAndResumeBitForBit() throws Exception {
    Parameter a = Parameter.of("a.w", 1f, 2f);
    Parameter b = Parameter.of("b.w", -1f, 3f, 0.5f);
    TrainingPlan plan = plan(a);
    steps(plan, 4, a);
    plan.addGroup("b", b, g -> g.set("lr", 0.4).freezeUntilEpoch(2));
    steps(plan, 2, a, b);
    Path file = dir.resolve("added.ckpt");
    plan.save(file);
    steps(plan, 5, a, b);

    Parameter a2 = Parameter.of("a.w", 0f, 0f);
    Parameter b2 = Parameter.of("b.w", 0f, 0f, 0f);
    TrainingPlan resumed = plan(a2);
    resumed.addGroup("b", b2, g -> g.set("lr", 0.4).freezeUntilEpoch(2));
    resumed.load(file);
    steps(resumed, 5, a2, b2);
    assertArrayEquals(a.values().toArray(), a2.values().toArray(), 0f);
    assertArrayEquals(b.values().toArray(), b2.values().toArray(), 0f);
    assertEquals(plan.group("b").lr(), resumed.group("b").lr(), 0.0);
    assertEquals(plan.clock().step(), resumed.clock().step());
  }

  @Test
  void aCheckpointWithAnotherGroupLayoutIsRefusedNamingTheGroups() throws Exception {
    Parameter a = Parameter.of("a.w", 1f, 2f);
    TrainingPlan plan = plan(a);
    steps(plan, 2, a);
    plan.addGroup("b", Parameter.of("b.w", 1f));
    Path file = dir.resolve("two-groups.ckpt");
    plan.save(file);

    TrainingPlan without = plan(Parameter.of("a.w", 0f, 0f));
    CheckpointException e = assertThrows(CheckpointException.class, () -> without.load(file));
    assertTrue(e.getMessage().contains("only in the checkpoint: [b]") && e.getMessage().contains("plan.addGroup"), e.getMessage());

    TrainingPlan other = plan(Parameter.of("a.w", 0f, 0f));
    other.addGroup("c", Parameter.of("b.w", 0f));
    e = assertThrows(CheckpointException.class, () -> other.load(file));
    assertTrue(e.getMessage().contains("only in the checkpoint: [b]") && e.getMessage().contains("only in the plan: [c]"),
        e.getMessage());

    Path one = dir.resolve("one-group.ckpt");
    without.save(one);
    TrainingPlan with = plan(Parameter.of("a.w", 0f, 0f));
    with.addGroup("b", Parameter.of("b.w", 0f));
    e = assertThrows(CheckpointException.class, () -> with.load(one));
    assertTrue(e.getMessage().contains("only in the plan: [b]"), e.getMessage());
  }

  @Test
  void aGroupAddedBehindThePlansBackIsRefusedWithTheWayToDoIt() {
    Parameter a = Parameter.of("a.w", 1f, 2f);
    TrainingPlan plan = plan(a);
    steps(plan, 1, a);
    plan.optimizer().addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 1f))));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> steps(plan, 1, a));
    assertTrue(e.getMessage().contains("group late") && e.getMessage().contains("plan.addGroup"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> plan.save(dir.resolve("x.ckpt")));
  }

  @Test
  void badAdditionsAreRefusedAndChangeNothing() {
    Parameter a = Parameter.of("a.w", 1f, 2f);
    TrainingPlan plan = plan(a);
    assertThrows(IllegalArgumentException.class, () -> plan.addGroup("a", Parameter.of("x", 1f)));
    assertThrows(IllegalArgumentException.class, () -> plan.addGroup("b", Parameter.of("a.w", 1f)));
    assertThrows(IllegalArgumentException.class, () -> plan.addGroup("b", Parameter.of("b.w", 1f), g -> g.set("lr", -1.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.addGroup("b", Parameter.of("b.w", 1f),
        g -> g.schedule(Spec.of("StepLR").with("step_size", 1), Interval.STEP)));
    assertTrue(e.getMessage().contains("plan-wide"), e.getMessage());
    assertEquals(1, plan.groups().size());
    steps(plan, 1, a);
  }

  /**
   * A group added while running, with its own step warmup, takes the same lrs and values, step for
   * step, as the same group declared from the start and frozen until then.
   */
  @Test
  void anAddedGroupBehavesAsADeclaredOneItsStepWarmupIncluded() {
    Spec warmup = Spec.of("LinearWarmup").with("warmup_steps", 5).with("warmup_factor", 0.1);
    Parameter a1 = Parameter.of("a.w", 1f, 2f);
    Parameter b1 = Parameter.of("b.w", -1f, 3f, 0.5f);
    TrainingPlan declared = TrainingPlan.builder().epochs(4).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("a", a1)
        .group("b", b1, g -> g.set("lr", 0.4).stepWarmup(warmup).freezeUntilStep(3))
        .build();
    Parameter a2 = Parameter.of("a.w", 1f, 2f);
    Parameter b2 = Parameter.of("b.w", -1f, 3f, 0.5f);
    TrainingPlan grown = TrainingPlan.builder().epochs(4).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("a", a2)
        .build();
    steps(declared, 3, a1, b1);
    steps(grown, 3, a2);
    grown.addGroup("b", b2, g -> g.set("lr", 0.4).stepWarmup(warmup));
    for (int step = 0; step < 6; step++) {
      steps(declared, 1, a1, b1);
      steps(grown, 1, a2, b2);
      assertEquals(declared.lastStepLr("b"), grown.lastStepLr("b"), "lr of the step after " + (3 + step) + " steps");
      assertArrayEquals(b1.values().toArray(), b2.values().toArray(), "values after step " + (4 + step));
    }
    assertTrue(grown.lastStepLr("b") == 0.4, "the warmup ends at the group's lr");
  }

  /** The plan-wide step warmup also covers a group added later, as it covers a declared one. */
  @Test
  void thePlanStepWarmupCoversAnAddedGroup() {
    Parameter a = Parameter.of("a.w", 1f, 2f);
    Parameter b = Parameter.of("b.w", -1f, 3f, 0.5f);
    TrainingPlan plan = TrainingPlan.builder().epochs(4).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", 10).with("warmup_factor", 0.1))
        .group("a", a)
        .build();
    steps(plan, 2, a);
    plan.addGroup("b", b, g -> g.set("lr", 0.4));
    steps(plan, 1, a, b);
    assertEquals(plan.lastStepLr("a") / 0.1 * 0.4, plan.lastStepLr("b"), 1e-15, "the same warmup factor at step 3");
    assertTrue(plan.lastStepLr("b") < 0.4);
  }
}
