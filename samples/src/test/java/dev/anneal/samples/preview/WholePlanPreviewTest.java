package dev.anneal.samples.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingLoop;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.annotated.TinyRegressor;
import dev.anneal.samples.annotated.TinyRegressorTraining;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholePlanPreviewTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SchedulePreview.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void anAnnotatedModelsPreviewIsWhatItsTrainingUses() {
    assertEquals(0, run("plan", "--model", "TinyRegressor", "--format", "csv"), err.toString());
    List<String> lines = lines();
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals(1 + 8 * 10, lines.size(), "8 epochs of the declared 10 optimizer steps");
    int encoderLr = header.indexOf("lr-AdamW/encoder");
    int encoderFrozen = header.indexOf("lr-AdamW/encoder-frozen");
    int headLr = header.indexOf("lr-AdamW/head");

    // The same generated plan, trained by the real loop with gradients.
    TinyRegressor model = new TinyRegressor();
    TrainingPlan plan = TinyRegressorTraining.plan(model);
    List<double[]> used = new ArrayList<>();
    List<Boolean> frozen = new ArrayList<>();
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        used.add(report.lrs());
        frozen.add(plan.isFrozen("encoder"));
      }
    });
    TrainingLoop.of(plan).console(null).train((epoch, batch, scale) -> {
      for (Parameter p : plan.parameters()) {
        if (p.requiresGrad()) {
          p.gradOrZeros().fill((float) (scale * (0.5 - 0.01 * batch)));
        }
      }
      return 1.0;
    }).run();
    assertEquals(80, used.size());
    for (int i = 0; i < 80; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertEquals(used.get(i)[0], Double.parseDouble(cells[encoderLr]), 0.0, "encoder lr at step " + i);
      assertEquals(used.get(i)[1], Double.parseDouble(cells[headLr]), 0.0, "head lr at step " + i);
      assertEquals(frozen.get(i), Boolean.parseBoolean(cells[encoderFrozen]), "encoder frozen at step " + i);
      assertEquals(i < 20, Boolean.parseBoolean(cells[encoderFrozen]), "@Freeze(untilEpoch = 2)");
    }
  }

  @Test
  void batchesPerEpochAreDividedByTheModelsAccumulation() {
    assertEquals(0, run("plan", "--model", "TinyRegressor", "--batches-per-epoch", "15"), err.toString());
    List<String> lines = lines();
    assertTrue(lines.get(0).startsWith("TinyRegressor: AdamW, 8 epochs, 8 optimizer steps in epoch 0, 64 in all"), lines.get(0));
    assertEquals(1 + 2 + 64, lines.size());
    assertEquals("constant over the run: encoder beta1 0.9 weight_decay 0.01, head beta1 0.9 weight_decay 0.0, "
        + "default beta1 0.9 weight_decay 0.01", lines.get(1));
    assertTrue(lines.get(3).contains("frozen"), lines.get(3));
  }

  @Test
  void aPlanFromOptionsFreezesRewarmsUpAndAccumulates() {
    assertEquals(0, run("plan", "--spec", "{\"type\": \"StepLR\", \"step_size\": 100}", "--groups", "stem,head", "--lrs", "0.01,0.1",
        "--freeze", "stem=1", "--rewarmup", "stem=4", "--epochs", "2", "--batches-per-epoch", "8", "--accumulate", "2"), err.toString());
    List<String> lines = lines();
    assertEquals(1 + 2 + 8, lines.size(), "2 epochs of 8 batches, 2 per step");
    assertEquals("step  epoch     stem lr     head lr", lines.get(2));
    assertTrue(lines.get(3).contains("frozen") && lines.get(6).contains("frozen"), String.join("\n", lines));
    // after unfreezing at epoch 1: 1/4, 2/4, 3/4, 4/4 of the stem's lr
    for (int k = 0; k < 4; k++) {
      String[] cells = lines.get(7 + k).trim().split("\\s+");
      assertEquals(0.01 * (k + 1) / 4, Double.parseDouble(cells[2]), 1e-9, lines.get(7 + k));
    }
  }

  @Test
  void pngOfAModelsPlan(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("tiny.png");
    assertEquals(0, run("plan", "--model", "TinyRegressor", "--format", "png", "--out", png.toString()), err.toString());
    assertEquals(900, ImageIO.read(png.toFile()).getWidth());
    assertTrue(Files.exists(png));
  }

  @Test
  void csvToAFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("tiny.csv");
    assertEquals(0, run("plan", "--model", "TinyRegressor", "--format", "csv", "--out", csv.toString()), err.toString());
    assertEquals(81, Files.readAllLines(csv).size());
  }

  @Test
  void fastaiFineTunePreviewShowsItsTwoFits() {
    // fine_tune(3) over 5 batches an epoch: the frozen fit's 5 steps, then the unfrozen fit's 15
    assertEquals(0, run("plan", "--model", "FastaiFineTune", "--steps-per-epoch", "5", "--format", "csv"), err.toString());
    List<String> lines = lines();
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals(1 + 4 * 5, lines.size(), String.join("\n", lines));
    int head = header.indexOf("lr-AdamW/head");
    assertTrue(head >= 0, header.toString());
    double frozenStart = Double.parseDouble(lines.get(1).split(",")[head]);
    double unfrozenStart = Double.parseDouble(lines.get(6).split(",")[head]);
    assertEquals(2e-3 / 25, frozenStart, 1e-15);    // fit_one_cycle(1, slice(2e-3)): lr_max / div
    assertEquals(1e-3 / 5, unfrozenStart, 1e-15);   // fit_one_cycle(3, slice(1e-5, 1e-3), div=5)
  }

  @Test
  void badInputNamesWhatIsWrong() {
    assertEquals(2, run("plan", "--model", "NoSuchModel"));
    assertTrue(err.toString().contains("no model named NoSuchModel has a plan here; there are [TinyRegressor, CnnClassifier"), err.toString());
    err.reset();
    assertEquals(2, run("plan", "--model", "TinyRegressor", "--accumulate", "4"));
    assertTrue(err.toString().contains("declares its own accumulation"), err.toString());
    err.reset();
    assertEquals(2, run("plan", "--spec", "{\"type\": \"ReduceLROnPlateau\"}", "--interval", "epoch", "--steps-per-epoch", "2"));
    assertTrue(err.toString().contains("give the value to assume at each epoch's end with --metrics"), err.toString());
    err.reset();
    assertEquals(2, run("plan"));
    assertTrue(err.toString().contains("give either --model"), err.toString());
  }
}
