package dev.anneal.samples.annotated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan the processor generated for {@link TinyRegressor}, built and run against the real runtime. */
class TinyRegressorTrainingTest {
  private final TinyRegressor model = new TinyRegressor();
  private final TrainingPlan plan = TinyRegressorTraining.plan(model);

  @Test
  void declaredLengthAndAccumulation() {
    assertEquals(8, plan.epochs());
    assertEquals(10, plan.stepsPerEpoch());
    assertEquals(2, plan.accumulate());
  }

  @Test
  void oneGroupPerAnnotatedFieldAndADefaultGroupForTheRest() {
    assertEquals(List.of("encoder", "head", "default"), plan.groups().stream().map(g -> g.name()).toList());
    assertEquals(List.of(model.bias), plan.group("default").params());
    assertEquals(0.01, plan.group("encoder").getDouble("weight_decay"), 0.0);
    assertEquals(0.0, plan.group("head").getDouble("weight_decay"), 0.0);
    // warmup starts every group at 0.1 times its own lr
    assertEquals(1e-4, plan.group("encoder").getDouble("lr"), 1e-12);
    assertEquals(1e-3, plan.group("head").getDouble("lr"), 1e-12);
  }

  @Test
  void encoderThawsAtTheThirdEpochAndTheScheduleEndsAtEtaMin() {
    for (int epoch = 0; epoch < 8; epoch++) {
      plan.startEpoch();
      assertEquals(epoch < 2, plan.isFrozen("encoder"), "encoder frozen in epoch " + epoch);
      assertFalse(plan.isFrozen("head"));
      for (int microBatch = 0; microBatch < 20; microBatch++) {
        for (Parameter p : plan.parameters()) {
          float[] ones = new float[p.size()];
          Arrays.fill(ones, 1f);
          p.setGrad(FloatStorage.wrap(ones));
        }
        plan.afterBackward();
      }
      plan.endEpoch(Map.of());
      if (epoch == 0) {
        // one epoch = 10 optimizer steps = the warmup: the cosine starts from the full lr
        assertEquals(1e-2, plan.group("head").getDouble("lr"), 1e-12);
        assertEquals(1e-3, plan.group("encoder").getDouble("lr"), 1e-12);
      }
    }
    // the cosine's T_max is the 70 steps after the warmup: it ends at eta_min
    assertEquals(1e-4, plan.group("head").getDouble("lr"), 1e-12);
    assertTrue(model.head.parameters().get(0).values().get(0) != 0f, "the head trained");
  }

  /** @Accumulate(2): the generated helper rounds up, as the loop's last partial window steps too. */
  @Test
  void stepsPerEpochOfMicroBatchesRoundsUp() {
    assertEquals(11, TinyRegressorTraining.stepsPerEpoch(21));
    assertEquals(10, TinyRegressorTraining.stepsPerEpoch(20));
  }

  /** plan(model, 4) against the declared 10: the warmup is one epoch of 4 steps and the cosine's T_max the 28 after it. */
  @Test
  void lengthsFollowTheStepsPerEpochGivenAtRunTime() {
    TinyRegressor other = new TinyRegressor();
    TrainingPlan four = TinyRegressorTraining.plan(other, 4);
    assertEquals(4, four.stepsPerEpoch());
    for (int epoch = 0; epoch < 8; epoch++) {
      four.startEpoch();
      for (int microBatch = 0; microBatch < 8; microBatch++) {
        for (Parameter p : four.parameters()) {
          float[] ones = new float[p.size()];
          Arrays.fill(ones, 1f);
          p.setGrad(FloatStorage.wrap(ones));
        }
        four.afterBackward();
      }
      four.endEpoch(Map.of());
      if (epoch == 0) {
        assertEquals(1e-2, four.group("head").getDouble("lr"), 1e-12, "the warmup is the first epoch's 4 steps");
      }
      if (epoch == 3) {
        // 12 of the cosine's 28 steps: eta_min + (lr - eta_min) (1 + cos(pi 12 / 28)) / 2
        assertEquals(1e-4 + (1e-2 - 1e-4) * (1 + Math.cos(Math.PI * 12 / 28)) / 2, four.group("head").getDouble("lr"), 1e-12);
      }
    }
    assertEquals(1e-4, four.group("head").getDouble("lr"), 1e-12, "the cosine ends at eta_min after 8 epochs of 4 steps");
  }

  @Test
  void previewTableIsNextToTheGeneratedClass() throws IOException {
    try (InputStream in = TinyRegressorTraining.class.getResourceAsStream("TinyRegressorTraining.preview.txt")) {
      assertNotNull(in, "the processor writes TinyRegressorTraining.preview.txt next to the class");
      String preview = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(preview.contains("encoder"), preview);
      // epoch 0: warmup starts at 0.1 * 1e-2 for the head; the encoder is frozen
      assertTrue(preview.lines().anyMatch(line -> line.trim().startsWith("0 ") && line.contains("F ") && line.contains("1.0000e-03")),
          preview);
    }
  }
}
