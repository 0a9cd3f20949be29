package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.grad.NonFiniteGradientException;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a step refused for a non-finite gradient (clipping with errorIfNonfinite), the window is
 * discarded and the gradients zeroed: the next batch trains and the plan saves. Loading while
 * micro-batches are pending is refused.
 */
class RefusedStepTest {
  @TempDir Path dir;

  private static TrainingPlan plan(Parameter p) {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .clipGradNorm(1.0, 2.0, true)
        .accumulate(2)
        .group("all", p)
        .build();
  }

  @Test
  void trainingAndSavingGoOnAfterARefusedStep() throws Exception {
    Parameter p = Parameter.of("w", 1f, 2f);
    TrainingPlan plan = plan(p);
    plan.startEpoch();
    p.setGrad(FloatStorage.wrap(new float[] {0.5f, 1f}));
    plan.afterBackward();
    p.setGrad(FloatStorage.wrap(new float[] {Float.NaN, 1f})); // the window's accumulated gradient
    assertThrows(NonFiniteGradientException.class, plan::afterBackward);
    assertEquals(0, plan.clock().microBatch(), "the window is discarded");
    assertEquals(1, plan.clock().skippedSteps());
    plan.save(dir.resolve("after-refusal.ckpt"));
    for (int i = 0; i < 2; i++) {
      p.setGrad(FloatStorage.wrap(new float[] {0.5f, -0.5f}));
      plan.afterBackward();
    }
    assertEquals(1, plan.clock().step(), "the next window steps");
    assertEquals(1f - 0.1f * 0.5f, p.values().get(0), 1e-7f, "from the new window's gradients alone");
  }

  @Test
  void loadingWithMicroBatchesPendingIsRefused() throws Exception {
    Parameter p = Parameter.of("w", 1f, 2f);
    TrainingPlan plan = plan(p);
    Path file = dir.resolve("between.ckpt");
    plan.save(file);
    plan.startEpoch();
    p.setGrad(FloatStorage.wrap(new float[] {0.5f, 1f}));
    plan.afterBackward();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan.load(file));
    assertTrue(e.getMessage().contains("1 of 2 micro-batches"), e.getMessage());
  }
}
