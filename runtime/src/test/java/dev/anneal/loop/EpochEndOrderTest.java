package dev.anneal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The epoch ends in two moves: with 7 micro-batches and accumulate(3), the epoch's third step (a
 * window of one) is taken before evaluation, so the metric a plateau schedule gets is the loss of
 * the epoch's final weights, as in PyTorch's loop.
 */
class EpochEndOrderTest {
  private static final int BATCHES = 7;

  private static TrainingPlan plan(Parameter w, PlanListener listener) {
    return TrainingPlan.builder().epochs(3).accumulate(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("w", w)
        .monitor("val_loss")
        .schedule(Spec.of("ReduceLROnPlateau").with("patience", 0).with("factor", 0.5), Interval.EPOCH)
        .listener(listener)
        .build();
  }

  /** Loss 0.5 * w^2, so the gradient is w (times the loss scale). */
  private static double backward(Parameter w, double lossScale) {
    float v = w.values().get(0);
    w.setGrad(FloatStorage.wrap(new float[] {(float) (v * lossScale)}));
    return 0.5 * v * v;
  }

  @Test
  void theLoopEvaluatesAfterTheEpochsLastStep() {
    Parameter w = Parameter.of("w", 2f);
    List<Float> afterEachStep = new ArrayList<>();
    PlanListener steps = new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        afterEachStep.add(w.values().get(0));
      }
    };
    TrainingPlan plan = plan(w, steps);
    List<Long> stepsAtValidation = new ArrayList<>();
    List<Float> weightAtValidation = new ArrayList<>();
    TrainingLoop.of(plan).batchesPerEpoch(BATCHES).console(null)
        .train((epoch, batch, scale) -> backward(w, scale))
        .validate(epoch -> {
          stepsAtValidation.add(plan.clock().step());
          float v = w.values().get(0);
          weightAtValidation.add(v);
          return Map.of("val_loss", 0.5 * v * v);
        })
        .run();
    assertEquals(List.of(3L, 6L, 9L), stepsAtValidation, "two full windows and the partial one before each evaluation");
    for (int e = 0; e < 3; e++) {
      assertEquals(afterEachStep.get(3 * e + 2), weightAtValidation.get(e), "epoch " + e + ": evaluated on the last step's weights");
    }
  }

  @Test
  void byHandTheTwoMovesAreFinishThenEnd() {
    Parameter w = Parameter.of("w", 2f);
    TrainingPlan plan = plan(w, new PlanListener() {});
    plan.startEpoch();
    for (int b = 0; b < BATCHES; b++) {
      backward(w, plan.lossScale());
      plan.afterBackward();
    }
    assertEquals(2, plan.clock().step());
    float beforeFinish = w.values().get(0);
    assertTrue(plan.finishEpochSteps(), "a window of one was pending");
    assertEquals(3, plan.clock().step());
    assertTrue(w.values().get(0) < beforeFinish, "the partial window moved the weight");
    assertTrue(!plan.finishEpochSteps(), "nothing pending the second time");
    plan.endEpoch(Map.of("val_loss", 0.5 * w.values().get(0) * w.values().get(0)));
    assertEquals(1, plan.clock().epoch());
  }

  @Test
  void aPlateauScheduleRefusesMetricsComputedBeforeTheLastStep() {
    Parameter w = Parameter.of("w", 2f);
    TrainingPlan plan = plan(w, new PlanListener() {});
    plan.startEpoch();
    for (int b = 0; b < BATCHES; b++) {
      backward(w, plan.lossScale());
      plan.afterBackward();
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan.endEpoch(Map.of("val_loss", 1.0)));
    assertTrue(e.getMessage().contains("finishEpochSteps()"), e.getMessage());
    assertEquals(2, plan.clock().step(), "refused whole: no step taken");
  }
}
