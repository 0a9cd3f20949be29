package dev.anneal.swa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AveragedModelCheckpointTest {
  @TempDir Path dir;

  private static final class Run {
    final Parameter w = Parameter.of("w", 0.5f, -1f, 2f);
    final TrainingPlan plan = TrainingPlan.builder().epochs(4).stepsPerEpoch(5)
        .optimizer(Spec.of("SGD").with("lr", 0.2).with("momentum", 0.9))
        .group("w", w)
        .schedule(Spec.of("SWALR").with("swa_lr", 0.05).with("anneal_epochs", 2), Interval.EPOCH)
        .build();
    final AveragedModel ema = AveragedModel.emaV3(w, EmaDecay.warmup(0.99, 1, 0.75));
    final AveragedModel swa = AveragedModel.swa(w);

    Run() {
      ema.updateEveryStep(plan);
      ema.checkpointWith(plan, "ema");
      swa.updateAtEpochEnds(plan, 1);
      swa.checkpointWith(plan, "swa");
    }

    /** Steps of gradient (w - target) with a target that moves per step. */
    void train(int steps) {
      for (int i = 0; i < steps; i++) {
        if (!plan.clock().inEpoch()) {
          plan.startEpoch();
        }
        long s = plan.clock().step();
        for (int j = 0; j < 3; j++) {
          w.gradOrZeros().set(j, w.values().get(j) - (float) Math.sin(s + j));
        }
        plan.afterBackward();
        if (plan.clock().stepInEpoch() == 5) {
          plan.endEpoch();
        }
      }
    }
  }

  @Test
  void emaAndSwaAveragesResumeFromThePlansCheckpointBitForBit() throws IOException {
    Run full = new Run();
    full.train(20);
    Run first = new Run();
    first.train(8);
    Path file = dir.resolve("plan.ckpt");
    first.plan.save(file);
    assertTrue(Files.exists(AveragedModel.sidecar(file, "ema")) && Files.exists(AveragedModel.sidecar(file, "swa")));

    Run resumed = new Run();
    resumed.plan.load(file);
    assertEquals(first.ema.averagedCount(), resumed.ema.averagedCount());
    resumed.train(12);
    assertArrayEquals(full.ema.averaged("w"), resumed.ema.averaged("w"), 0f, "EMA continues exactly");
    assertArrayEquals(full.swa.averaged("w"), resumed.swa.averaged("w"), 0f, "SWA continues exactly");
    assertEquals(full.swa.averagedCount(), resumed.swa.averagedCount());
    assertEquals(3, full.swa.averagedCount(), "epoch ends 1, 2 and 3 (0-based) from swa_start 1");
    assertArrayEquals(full.w.values().toArray(), resumed.w.values().toArray(), 0f);
  }

  @Test
  void aMissingOrForeignAverageRefusesTheLoadBeforeThePlanChanges() throws IOException {
    Run first = new Run();
    first.train(6);
    Path file = dir.resolve("plan.ckpt");
    first.plan.save(file);
    Files.delete(AveragedModel.sidecar(file, "ema"));
    Run other = new Run();
    float[] before = other.w.values().toArray();
    CheckpointException e = assertThrows(CheckpointException.class, () -> other.plan.load(file));
    assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    assertArrayEquals(before, other.w.values().toArray(), 0f);
    assertEquals(0, other.plan.clock().step());

    AveragedModel.ema(other.w, 0.5).save(AveragedModel.sidecar(file, "ema"));
    e = assertThrows(CheckpointException.class, () -> other.plan.load(file));
    assertTrue(e.getMessage().contains("declared as"), e.getMessage());
  }

  @Test
  void appliedAveragesReplaceTheWeightsUntilClosed() {
    Parameter w = Parameter.of("w", 1f, 2f);
    AveragedModel swa = AveragedModel.swa(w);
    swa.update();
    w.values().copyFrom(new float[] {3f, 6f});
    swa.update();
    try (AveragedModel.Applied applied = swa.apply()) {
      assertArrayEquals(new float[] {2f, 4f}, w.values().toArray(), 0f);
    }
    assertArrayEquals(new float[] {3f, 6f}, w.values().toArray(), 0f);
  }

  @Test
  void refusesADecayOutsideZeroToOne() {
    Parameter w = Parameter.of("w", 1f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AveragedModel.ema(w, 1.5));
    assertTrue(e.getMessage().contains("decay"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EmaDecay.fixed(-0.1));
  }
}
