package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two ways to divide a micro-batch's loss under accumulation, on an epoch of 10 micro-batches
 * with {@code accumulate(4)}: windows of 4, 4 and a partial 2.
 */
class LossScaleTest {
  private static TrainingPlan plan(Parameter p, LossScale scale) {
    TrainingPlanBuilder b = TrainingPlan.builder().epochs(2).stepsPerEpoch(3).optimizer(Spec.of("SGD").with("lr", 1.0)).group("p", p);
    return (scale == null ? b.accumulate(4) : b.accumulate(4, scale)).build();
  }

  /** Runs one epoch of micro-batch gradients 1, 2, ..., 10 scaled by the plan; returns the scales used and the updates. */
  private static List<Double> epoch(TrainingPlan plan, Parameter p, List<Double> updates) {
    List<Double> scales = new ArrayList<>();
    plan.startEpoch();
    for (int micro = 0; micro < 10; micro++) {
      double scale = plan.lossScale(10);
      scales.add(scale);
      p.gradOrZeros().set(0, p.gradOrZeros().get(0) + (float) ((micro + 1) * scale));
      float before = p.values().get(0);
      if (plan.afterBackward() == StepOutcome.STEPPED) {
        updates.add((double) (before - p.values().get(0)));
      }
    }
    float before = p.values().get(0);
    assertTrue(plan.finishEpochSteps());
    updates.add((double) (before - p.values().get(0)));
    plan.endEpoch();
    return scales;
  }

  @Test
  void accumulateDividesEveryMicroBatchByK() {
    Parameter p = Parameter.of("p", 0f);
    TrainingPlan plan = plan(p, null);
    assertEquals(LossScale.ACCUMULATE, plan.lossScaleMode());
    assertEquals(0.25, plan.lossScale());
    List<Double> updates = new ArrayList<>();
    assertEquals(List.of(0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25), epoch(plan, p, updates));
    // the partial window of micro-batches 9 and 10 steps with (9 + 10) / 4: not a mean
    assertEquals(List.of(2.5, 6.5, 4.75), updates);
  }

  @Test
  void windowDividesByTheWindowsOwnSizeAsTheHuggingFaceTrainer() {
    Parameter p = Parameter.of("p", 0f);
    TrainingPlan plan = plan(p, LossScale.WINDOW);
    List<Double> updates = new ArrayList<>();
    assertEquals(List.of(0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.5, 0.5), epoch(plan, p, updates));
    assertEquals(List.of(2.5, 6.5, 9.5), updates, "every step takes the mean of its window");
    // the next epoch starts with full windows again
    assertEquals(List.of(0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.5, 0.5), epoch(plan, p, new ArrayList<>()));
  }

  @Test
  void windowRefusesTheScaleWithoutTheEpochsLength() {
    TrainingPlan plan = plan(Parameter.of("p", 0f), LossScale.WINDOW);
    IllegalStateException e = assertThrows(IllegalStateException.class, plan::lossScale);
    assertTrue(e.getMessage().contains("lossScale(microBatchesPerEpoch)"), e.getMessage());
    plan.startEpoch();
    IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> plan.lossScale(0));
    assertTrue(past.getMessage().contains("past an epoch of 0 micro-batches"), past.getMessage());
  }
}
