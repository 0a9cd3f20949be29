package dev.anneal.samples.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingResult;
import dev.anneal.plan.TrainingPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableRegressionTest {
  @TempDir Path dir;

  @Test
  void learnsAndAResumedRunEndsWhereAnUninterruptedOneDoes() throws Exception {
    ResumableRegression straight = new ResumableRegression();
    double before = straight.validationLoss();
    TrainingResult result = straight.run(straight.plan(ResumableRegression.TOTAL_EPOCHS), null, false);
    assertTrue(result.completed(), result.message());
    assertTrue(straight.validationLoss() < before / 100, "learns: " + before + " -> " + straight.validationLoss());

    Path file = dir.resolve("regression.ckpt");
    ResumableRegression first = new ResumableRegression();
    first.run(first.plan(2), file, false);
    ResumableRegression second = new ResumableRegression();
    TrainingPlan plan = second.plan(ResumableRegression.TOTAL_EPOCHS);
    plan.load(file);
    assertEquals(2, plan.clock().epoch());
    second.run(plan, file, false);
    assertArrayEquals(straight.weight.values().toArray(), second.weight.values().toArray(), 0f);
    assertArrayEquals(straight.bias.values().toArray(), second.bias.values().toArray(), 0f);
  }
}
