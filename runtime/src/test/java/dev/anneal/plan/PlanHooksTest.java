package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanHooksTest {
  @TempDir Path dir;

  private final Parameter w = Parameter.of("w", 0f, 0f);
  private final Parameter frozen = Parameter.of("frozen", 1f);

  private TrainingPlanBuilder sgd() {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(2).accumulate(2)
        .optimizer(Spec.of("SGD").with("lr", 0.5))
        .group("w", w)
        .group("frozen", frozen, g -> g.freezeUntilEpoch(1));
  }

  private static void backward(TrainingPlan plan, float value) {
    for (Parameter p : plan.parameters()) {
      p.gradOrZeros().fill(p.gradOrZeros().get(0) + value);
    }
  }

  @Test
  void beforeStepSeesTheAccumulatedGradientsOfTheTrainableGroupsOncePerStep() {
    TrainingPlan plan = sgd().build();
    List<String> seen = new ArrayList<>();
    plan.hooks().beforeStep((p, trainable) -> seen.add(p.clock().step() + ":" + trainable.stream().map(Parameter::name).toList()
        + "=" + trainable.get(0).grad().get(0)));
    plan.startEpoch();
    backward(plan, 1f);
    assertEquals(StepOutcome.ACCUMULATED, plan.afterBackward());
    assertTrue(seen.isEmpty(), "not run for a micro-batch: " + seen);
    backward(plan, 2f);
    plan.afterBackward();
    assertEquals(List.of("0:[w]=3.0"), seen, "the frozen group is not offered; both micro-batches are summed");
  }

  @Test
  void beforeStepRunsBeforeClippingSoItsSurgeryIsClipped() {
    TrainingPlan plan = sgd().accumulate(1).clipGradNorm(1.0).build();
    plan.hooks().beforeStep((p, trainable) -> {
      trainable.get(0).grad().set(0, 3f);    // custom gradient: norm 5
      trainable.get(0).grad().set(1, 4f);
    });
    plan.startEpoch();
    backward(plan, 100f);
    plan.afterBackward();
    // Clipped to norm 1 after the hook: w -= 0.5 * (0.6, 0.8). Before the hook it would be (1.5, 2).
    assertArrayEquals(new float[] {-0.3f, -0.4f}, w.values().toArray(), 1e-6f);
  }

  @Test
  void aNanLeftByABeforeStepHookSkipsTheStepAndAfterStepDoesNotRun() {
    TrainingPlan plan = sgd().accumulate(1).build();
    int[] after = {0};
    plan.hooks().beforeStep((p, trainable) -> trainable.get(0).grad().set(1, Float.NaN));
    plan.hooks().afterStep((p, trainable) -> after[0]++);
    plan.startEpoch();
    backward(plan, 1f);
    assertEquals(StepOutcome.SKIPPED_NON_FINITE, plan.afterBackward());
    assertEquals(0, after[0]);
    assertArrayEquals(new float[] {0f, 0f}, w.values().toArray());
  }

  @Test
  void afterStepSeesTheUpdateTheGradientsAndTheLrTheStepUsed() {
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 1.0)).group("w", w)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), dev.anneal.schedule.Interval.STEP)
        .build();
    List<String> seen = new ArrayList<>();
    plan.hooks().afterStep((p, trainable) -> seen.add(p.clock().step() + " lr " + p.groups().get(0).lr() + " w "
        + trainable.get(0).values().get(0) + " g " + trainable.get(0).grad().get(0)));
    plan.startEpoch();
    for (int i = 0; i < 2; i++) {
      backward(plan, 1f);
      plan.afterBackward();
      assertEquals(null, w.grad(), "the plan still drops the gradients after the hook");
    }
    assertEquals(List.of("0 lr 1.0 w -1.0 g 1.0", "1 lr 0.5 w -1.5 g 1.0"), seen);
  }

  @Test
  void removedHooksDoNotRunAndRemovingTwiceOrDuringARunIsSafe() {
    TrainingPlan plan = sgd().accumulate(1).build();
    List<String> runs = new ArrayList<>();
    HookHandle[] self = new HookHandle[1];
    self[0] = plan.hooks().beforeStep((p, t) -> {
      runs.add("once");
      self[0].remove();
    });
    StepHook twice = (p, t) -> runs.add("twice");
    HookHandle first = plan.hooks().beforeStep(twice);
    HookHandle second = plan.hooks().beforeStep(twice);
    plan.startEpoch();
    backward(plan, 1f);
    plan.afterBackward();
    assertEquals(List.of("once", "twice", "twice"), runs);
    first.remove();
    first.remove();
    backward(plan, 1f);
    plan.afterBackward();
    assertEquals(List.of("once", "twice", "twice", "twice"), runs, "removing one handle twice removes one registration");
    second.close();
    plan.endEpoch();
    plan.startEpoch();
    backward(plan, 1f);
    plan.afterBackward();
    assertEquals(4, runs.size());
  }

  @Test
  void checkpointHooksRunAroundSaveAndLoadAndAfterLoadOnlyWhenRestored() throws IOException {
    TrainingPlan plan = sgd().build();
    Path file = dir.resolve("plan.ckpt");
    List<String> events = new ArrayList<>();
    plan.hooks().beforeSave((p, f) -> events.add("before save, exists " + Files.exists(f)));
    plan.hooks().afterSave((p, f) -> events.add("after save, exists " + Files.exists(f)));
    plan.hooks().beforeLoad((p, f) -> events.add("before load " + f.getFileName()));
    plan.hooks().afterLoad((p, f) -> events.add("after load, step " + p.clock().step()));
    plan.save(file);
    plan.load(file);
    assertEquals(List.of("before save, exists false", "after save, exists true", "before load plan.ckpt",
        "after load, step 0"), events);

    events.clear();
    Files.write(file, new byte[] {1, 2, 3});
    assertThrows(CheckpointException.class, () -> plan.load(file));
    assertEquals(List.of("before load plan.ckpt"), events, "a refused checkpoint restores nothing, so afterLoad does not run");
  }

  @Test
  void aCheckpointHookThatThrowsStopsTheSave() {
    TrainingPlan plan = sgd().build();
    Path file = dir.resolve("refused.ckpt");
    plan.hooks().beforeSave((p, f) -> {
      throw new IOException("disk quota reached");
    });
    IOException e = assertThrows(IOException.class, () -> plan.save(file));
    assertNotNull(e.getMessage());
    assertFalse(Files.exists(file));
  }
}
