package dev.anneal.reporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanPreview;
import dev.anneal.preview.PlanTrace;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanPreviewPlotTest {

  private static PlanTrace preview(Spec schedule) throws Exception {
    TrainingPlan plan = TrainingPlan.builder().epochs(3).stepsPerEpoch(4)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("momentum", 0.9))
        .group("stem", Parameter.of("stem.w", 1f), g -> g.lr(0.01).freezeUntilEpoch(1))
        .group("head", Parameter.of("head.w", 1f))
        .schedule(schedule, Interval.STEP).build();
    return PlanPreview.of(plan).run();
  }

  @Test
  void aFrozenGroupIsDrawnAtZeroUntilItUnfreezes(@TempDir Path dir) throws Exception {
    PlanTrace trace = preview(Spec.of("StepLR").with("step_size", 6).with("gamma", 0.5));
    double[][] stem = PlanPreviewPlot.lrSeries(trace).get("stem");
    assertArrayEquals(new double[] {0, 0, 0, 0, 0.01, 0.01, 0.005, 0.005, 0.005, 0.005, 0.005, 0.005}, stem[1], 1e-15);
    List<Path> files = PlanPreviewPlot.writePng(trace, dir.resolve("plan.png"), "test");
    assertEquals(List.of(dir.resolve("plan.png")), files, "momentum does not move: one chart");
    BufferedImage image = ImageIO.read(files.get(0).toFile());
    assertEquals(900, image.getWidth());
    assertTrue(Files.size(files.get(0)) > 1000);
  }

  @Test
  void aMovingMomentumGetsItsOwnChart(@TempDir Path dir) throws Exception {
    PlanTrace trace = preview(Spec.of("OneCycleLR").with("max_lr", 0.1).with("total_steps", 12));
    List<Path> files = PlanPreviewPlot.writePng(trace, dir.resolve("plan.png"), "one cycle");
    assertEquals(List.of(dir.resolve("plan.png"), dir.resolve("plan-momentum.png")), files);
    assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".tmp")));
    assertTrue(ImageIO.read(files.get(1).toFile()).getHeight() > 0);
  }
}
