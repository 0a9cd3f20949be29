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
}
