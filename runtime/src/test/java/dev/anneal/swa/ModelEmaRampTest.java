package dev.anneal.swa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanPreview;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YOLOv5's {@code ModelEMA} as the plan's EMA ({@code ModelEma.ramp}): a copy of the weights at the
 * start, then {@code d = decay * (1 - exp(-updates / tau))} after every step, {@code updates}
 * checkpointed.
 */
class ModelEmaRampTest {
  @TempDir Path dir;

  /** tau = 1 / ln 2 makes exp(-n / tau) = 2^-n: with decay 1 the decays are 1/2, 3/4, 7/8, 15/16, ... */
  private static final double HALVING = 1 / Math.log(2);

  private static TrainingPlan plan(Parameter w, double decay, double tau) {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(4)
        .optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", w)
        .ema(ModelEma.ramp(decay, tau))
        .build();
  }

  /** Gradient 1 each step with lr 1: the weight after step s (1-based) is its start minus s. */
  private static List<Float> run(TrainingPlan plan, Parameter w, int steps) {
    return AveragedRun.averages(plan, w, steps);
  }

  @Test
  void yoloV5sDecayRamp() {
    ModelEma yolo = ModelEma.ramp(0.9999, 2000);
    // 0.9999 * (1 - exp(-1/2000)); 1 - exp(-x) = x - x^2/2 + x^3/6 = 4.99875020831e-4 for x = 5e-4
    assertEquals(4.99825033329e-4, yolo.decayAt(1, 8), 1e-15);
    // 0.9999 * (1 - 1/e) = 0.6321205588285577 - 0.6321205588285577e-4
    assertEquals(0.6320573467726748, yolo.decayAt(2000, 8), 1e-15);
    assertEquals(0.9999, yolo.decayAt(1_000_000, 8), 1e-15);   // the ramp has reached decay
    assertEquals(0.75, ModelEma.ramp(1, HALVING).decayAt(2, 8), 1e-15);
  }

  @Test
  void startsFromTheWeightsBeforeTheFirstStepAndRampsTheDecay() {
    Parameter w = Parameter.of("w", 0f);
    TrainingPlan plan = plan(w, 1, HALVING);
    w.values().copyFrom(new float[] {10f});   // set after the plan was built, as a checkpoint's weights would be
    // weights 9, 8, 7, 6; decays 1/2, 3/4, 7/8, 15/16 from the copy 10:
    // 0.5*10 + 0.5*9 = 9.5; 0.75*9.5 + 0.25*8 = 9.125; 0.875*9.125 + 0.125*7 = 8.859375;
    // 0.9375*8.859375 + 0.0625*6 = 8.30566406 + 0.375 = 8.68066406
    assertEquals(List.of(9.5f, 9.125f, 8.859375f, 8.680664f), run(plan, w, 4));
    assertEquals(4L, plan.averagedModel().orElseThrow().averagedCount());   // YOLOv5's updates: the copy counts none
  }

  @Test
  void updatesSurviveACheckpointAndAPreview() throws Exception {
    Parameter w = Parameter.of("w", 10f);
    TrainingPlan plan = plan(w, 1, HALVING);
    run(plan, w, 2);
    Path file = dir.resolve("plan.ckpt");
    plan.save(file);
    PlanPreview.of(plan).run();
    assertEquals(2L, plan.averagedModel().orElseThrow().averagedCount(), "a preview leaves updates as they were");
    assertEquals(9.125f, plan.averagedModel().orElseThrow().averaged("w")[0], "a preview leaves the average as it was");
    List<Float> straight = run(plan, w, 2);
    assertEquals(List.of(8.859375f, 8.680664f), straight);

    Parameter w2 = Parameter.of("w", 0f);
    TrainingPlan resumed = plan(w2, 1, HALVING);
    resumed.load(file);
    assertEquals(2L, resumed.averagedModel().orElseThrow().averagedCount());
    // the ramp goes on at updates 3 and 4 from the saved average, no new copy of the weights
    assertEquals(straight, run(resumed, w2, 2));

    TrainingPlan otherTau = plan(Parameter.of("w", 0f), 1, 2000);
    assertThrows(CheckpointException.class, () -> otherTau.load(file));
    TrainingPlan torchvision = TrainingPlan.builder().epochs(2).stepsPerEpoch(4).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", Parameter.of("w", 0f)).ema(ModelEma.decay(1)).build();
    assertThrows(CheckpointException.class, () -> torchvision.load(file));
  }

  @Test
  void badRampsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ModelEma.ramp(0.9999, 0));
    assertThrows(IllegalArgumentException.class, () -> ModelEma.ramp(0.9999, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ModelEma.ramp(0.9999, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> ModelEma.ramp(1.5, 2000));
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> ModelEma.ramp(0.9999, 2000).everySteps(2));
    assertTrue(mixed.getMessage().contains("takes no everySteps, adjustedForBatch or copyDuringEpochs"), mixed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelEma.ramp(0.9999, 2000).copyDuringEpochs(1));
  }
}
