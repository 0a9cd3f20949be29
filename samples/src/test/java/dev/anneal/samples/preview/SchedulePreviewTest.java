package dev.anneal.samples.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulePreviewTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SchedulePreview.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void csvOfAStepScheduleMatchesHandComputedValues() {
    assertEquals(0, run("--spec", "{\"type\": \"StepLR\", \"step_size\": 2, \"gamma\": 0.5}", "--lrs", "0.1,0.02",
        "--optimizer-kwargs", "{\"momentum\": 0.9}", "--steps", "5", "--format", "csv"), err.toString());
    List<String> lines = lines();
    assertEquals("step,lr_0,lr_1,momentum_0,momentum_1", lines.get(0));
    assertEquals(7, lines.size());
    for (int t = 0; t <= 5; t++) {
      String[] cells = lines.get(t + 1).split(",");
      assertEquals(t, Integer.parseInt(cells[0]));
      double decay = Math.pow(0.5, t / 2);
      assertEquals(0.1 * decay, Double.parseDouble(cells[1]), 1e-17);
      assertEquals(0.02 * decay, Double.parseDouble(cells[2]), 1e-17);
      assertEquals(0.9, Double.parseDouble(cells[3]), 0.0);
      assertEquals(0.9, Double.parseDouble(cells[4]), 0.0);
    }
  }

  @Test
  void aPastedPythonCallEveryFiftyRows() {
    assertEquals(0, run("--spec", "scheduler = lr_scheduler.CosineAnnealingWarmupRestarts(optimizer, first_cycle_steps=200,"
        + " max_lr=0.1, min_lr=0.001, warmup_steps=50, gamma=0.5)", "--steps", "520", "--every", "50", "--format", "csv"), err.toString());
    List<String> lines = lines();
    assertEquals("step,lr_0,momentum_0", lines.get(0));
    // rows 0, 50, ..., 500 and the last, 520; values of runtime's warmup_restarts.json, case warmup_restarts_seed
    assertEquals(13, lines.size());
    assertEquals("0,0.001,0.0", lines.get(1));
    assertEquals("50,0.1,0.0", lines.get(2));
    assertEquals("200,0.001,0.0", lines.get(5));
    assertEquals("250,0.05,0.0", lines.get(6));
    assertEquals("450,0.025,0.0", lines.get(10));
    assertTrue(lines.get(12).startsWith("520,0.01425434"), lines.get(12));
  }

  @Test
  void aPastedResumeOnFreshGroupsIsPyTorchsKeyError() {
    assertEquals(2, run("--spec", "StepLR(optimizer, step_size=2, gamma=0.5, last_epoch=4)"));
    assertTrue(err.toString().contains("param 'initial_lr' is not specified in param_groups[0]"), err.toString());
  }

  @Test
  void oneCycleOnAdamShowsBeta1() {
    assertEquals(0, run("--spec", "{\"type\": \"OneCycleLR\", \"max_lr\": 0.1, \"total_steps\": 10, \"anneal_strategy\": \"linear\"}",
        "--optimizer", "Adam", "--steps", "3", "--format", "csv"), err.toString());
    List<String> lines = lines();
    assertEquals("step,lr_0,beta1_0", lines.get(0));
    String[] first = lines.get(1).split(",");
    assertEquals(0.1 / 25, Double.parseDouble(first[1]), 1e-17);
    assertEquals(0.95, Double.parseDouble(first[2]), 1e-17);
    // pct_start 0.3 of 10 steps: the ramp ends at step 2 (0.3 * 10 - 1), linear from 0.004 to 0.1
    String[] third = lines.get(3).split(",");
    assertEquals(0.1, Double.parseDouble(third[1]), 1e-15);
    assertEquals(0.85, Double.parseDouble(third[2]), 1e-15);
  }

  @Test
  void plateauTakesMetricsFromAFileAndTheTableIsAligned(@TempDir Path dir) throws Exception {
    Path metrics = Files.writeString(dir.resolve("val_loss.txt"), "1.0\n1.0\n1.0\n1.0\n");
    assertEquals(0, run("--spec", "{\"type\": \"ReduceLROnPlateau\", \"patience\": 0, \"factor\": 0.5}", "--lrs", "0.2",
        "--steps", "4", "--metrics", metrics.toString()), err.toString());
    List<String> lines = lines();
    assertEquals(6, lines.size());
    int width = lines.get(0).length();
    lines.forEach(line -> assertEquals(width, line.length(), "aligned: " + line));
    assertTrue(lines.get(0).trim().startsWith("step"));
    assertTrue(lines.get(4).trim().split("\\s+")[1].equals("0.05"), lines.get(4)); // 0.2 halved at steps 2 and 3
  }

  @Test
  void writesDecodablePngsForLrAndMovingMomentum(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("one-cycle.png");
    assertEquals(0, run("--spec", "{\"type\": \"OneCycleLR\", \"max_lr\": 0.1, \"total_steps\": 30}", "--lrs", "0.1,0.1",
        "--optimizer-kwargs", "{\"momentum\": 0.9}", "--steps", "30", "--format", "csv", "--png", png.toString()), err.toString());
    assertTrue(Files.size(png) > 0);
    assertNotNull(ImageIO.read(png.toFile()));
    assertNotNull(ImageIO.read(dir.resolve("one-cycle-momentum.png").toFile()));
  }

  @Test
  void helpAndErrors() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--spec"));
    assertEquals(2, run("--spec", "{\"type\": \"StepLR\", \"stepsize\": 2}"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("step_size"), err.toString());
    assertEquals(2, run("--spec", "{\"type\": \"ReduceLROnPlateau\"}", "--steps", "3"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("metric"), err.toString());
    assertEquals(2, run("--lrs", "0.1"));
  }
}
