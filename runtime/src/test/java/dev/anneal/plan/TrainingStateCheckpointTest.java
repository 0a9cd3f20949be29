package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint of the training state without the weights, for a host that saves the model
 * itself: loading it leaves the weights alone, and with the weights restored by the host the run
 * continues bit for bit.
 */
class TrainingStateCheckpointTest {
  @TempDir Path dir;

  private static TrainingPlan plan(Parameter p) {
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(4)
        .optimizer(Spec.of("AdamW").with("lr", 0.05))
        .schedule(Spec.of("CosineAnnealingLR").with("T_max", 12), Interval.STEP)
        .group("all", p)
        .build();
  }

  private static void steps(TrainingPlan plan, Parameter p, int n) {
    for (int i = 0; i < n; i++) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      float[] g = new float[p.size()];
      for (int k = 0; k < g.length; k++) {
        g[k] = p.values().get(k) * 0.3f - k + 0.1f * plan.clock().step();
      }
      p.setGrad(FloatStorage.wrap(g));
      plan.afterBackward();
      if (plan.clock().batchInEpoch() == 4) {
        plan.endEpoch();
      }
    }
  }

  @Test
  void theTrainingStateAloneResumesWithWeightsRestoredByTheHost() throws Exception {
    Parameter straight = Parameter.of("w", 1f, -2f, 0.5f);
    TrainingPlan uninterrupted = plan(straight);
    steps(uninterrupted, straight, 5);
    Path state = dir.resolve("state.anneal");
    Path full = dir.resolve("full.anneal");
    uninterrupted.saveTrainingState(state);
    uninterrupted.save(full);
    float[] weightsAtSave = straight.values().toArray();
    steps(uninterrupted, straight, 6);

    Parameter resumed = Parameter.of("w", 9f, 9f, 9f);
    TrainingPlan plan = plan(resumed);
    plan.load(state);
    assertArrayEquals(new float[] {9f, 9f, 9f}, resumed.values().toArray(), "loading the training state leaves the weights");
    assertEquals(5, plan.clock().step());
    resumed.values().copyFrom(weightsAtSave); // what DJL's model loading does
    steps(plan, resumed, 6);
    assertArrayEquals(straight.values().toArray(), resumed.values().toArray());
    assertTrue(Files.size(state) < Files.size(full), "the training state holds no weights");
  }

  /** Saved at an epoch boundary with a group that unfreezes at the next epoch, as DJL's adapter saves. */
  @Test
  void aGroupThatUnfreezesAfterTheBoundaryResumesToo() throws Exception {
    Parameter a1 = Parameter.of("a", 1f, -2f);
    Parameter b1 = Parameter.of("b", 0.5f, 3f);
    TrainingPlan straight = frozenPlan(a1, b1);
    Path state = dir.resolve("boundary.anneal");
    for (int epoch = 0; epoch < 3; epoch++) {
      straight.startEpoch();
      for (int i = 0; i < 4; i++) {
        grads(straight, a1, b1);
        straight.afterBackward();
      }
      straight.endEpoch();
      if (epoch == 0) {
        straight.saveTrainingState(state);
        float[][] weights = {a1.values().toArray(), b1.values().toArray()};
        Parameter a2 = Parameter.of("a", 0f, 0f);
        Parameter b2 = Parameter.of("b", 0f, 0f);
        TrainingPlan resumed = frozenPlan(a2, b2);
        resumed.load(state);
        a2.values().copyFrom(weights[0]);
        b2.values().copyFrom(weights[1]);
        for (int e = 1; e < 3; e++) {
          resumed.startEpoch();
          for (int i = 0; i < 4; i++) {
            grads(resumed, a2, b2);
            resumed.afterBackward();
          }
          resumed.endEpoch();
        }
        this.resumedA = a2.values().toArray();
        this.resumedB = b2.values().toArray();
      }
    }
    assertArrayEquals(a1.values().toArray(), resumedA);
    assertArrayEquals(b1.values().toArray(), resumedB);
  }

  private float[] resumedA;
  private float[] resumedB;

  private static TrainingPlan frozenPlan(Parameter a, Parameter b) {
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(4)
        .optimizer(Spec.of("AdamW").with("lr", 0.05))
        .schedule(Spec.of("CosineAnnealingLR").with("T_max", 12), Interval.STEP)
        .group("a", a, g -> g.freezeUntilEpoch(1))
        .group("b", b)
        .build();
  }

  private static void grads(TrainingPlan plan, Parameter... params) {
    for (Parameter p : params) {
      float[] g = new float[p.size()];
      for (int k = 0; k < g.length; k++) {
        g[k] = p.values().get(k) * 0.3f - k + 0.1f * plan.clock().step();
      }
      p.setGrad(FloatStorage.wrap(g));
    }
  }
}
