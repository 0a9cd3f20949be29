package dev.anneal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingLoop;
import dev.anneal.param.Parameter;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricLogTest {
  @TempDir Path dir;

  private final Parameter w = Parameter.of("w", 0f);
  private final Parameter b = Parameter.of("b", 0f);

  private TrainingPlan plan() {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(3).accumulate(2)
        .optimizer(Spec.of("AdamW").with("lr", 0.1).with("weight_decay", 0.01))
        .group("head", w, g -> g.set("lr", 0.2))
        .group("body", b, g -> g.set("weight_decay", 0.0).freezeUntilEpoch(1))
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .build();
  }

  /** y = 2x fitted by w (b is frozen in epoch 1); the loss of batch 4 of epoch 1 is 1 + batch. */
  private static double train(Parameter w, Parameter b, int epoch, long batch, double scale) {
    float x = 1f + batch;
    float err = w.values().get(0) * x + b.values().get(0) - 2 * x;
    w.gradOrZeros().set(0, w.gradOrZeros().get(0) + (float) scale * 2 * err * x);
    b.gradOrZeros().set(0, b.gradOrZeros().get(0) + (float) scale * 2 * err);
    return 10.0 * epoch + batch;
  }

  @Test
  void writesLightningNamedLrMomentumWeightDecayLossAndGradNormPerStepToCsvAndJsonLines() throws IOException {
    TrainingPlan plan = plan();
    List<StepReport> reports = new ArrayList<>();
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        reports.add(report);
      }
    });
    Path csv = dir.resolve("logs/metrics.csv");
    Path jsonl = dir.resolve("logs/metrics.jsonl");
    try (MetricLog log = MetricLog.of(plan).csv(csv).jsonLines(jsonl).gradNorm()) {
      TrainingLoop.of(plan).console(null).listener(log)
          .train((epoch, batch, scale) -> train(w, b, epoch, batch, scale))
          .validate(epoch -> Map.of("val_loss", 1.0 / (epoch + 1)))
          .run();
    }
    List<Map<String, String>> rows = CsvFile.read(csv);
    List<Map<String, Object>> lines = JsonLinesFile.read(jsonl);
    assertEquals(6 + 2, rows.size(), "6 step rows and 2 epoch rows");
    assertEquals(rows.size(), lines.size());

    Map<String, String> first = rows.get(0);
    assertEquals("0", first.get("step"));
    assertEquals("0", first.get("epoch"));
    assertEquals(String.valueOf(reports.get(0).lr("head")), first.get("lr-AdamW/head"));
    assertEquals("0.2", first.get("lr-AdamW/head"));
    assertEquals("0.1", first.get("lr-AdamW/body"));
    assertEquals("0.9", first.get("lr-AdamW/head-momentum"), "Adam's beta1");
    assertEquals("0.01", first.get("lr-AdamW/head-weight_decay"));
    assertEquals("0.0", first.get("lr-AdamW/body-weight_decay"));
    assertEquals("0.5", first.get("loss"), "mean of the step's two micro-batch losses 0 and 1");
    assertEquals("0", first.get("skipped_steps"));
    // Step 0: w = 0, b = 0, x = 1 and 2 at scale 1/2: g = (2 * -2 * 1 + 2 * -4 * 2) / 2 = -10.
    assertEquals(10.0, Double.parseDouble(first.get("grad_2.0_norm_total")), 1e-6, "only the trainable head, before clipping");
    assertEquals("0.1", rows.get(1).get("lr-AdamW/head"), "StepLR halved it after step 0");

    Map<String, String> epochRow = rows.get(3);
    assertEquals(Map.of("step", "3", "epoch", "0", "train_loss", "2.5", "val_loss", "1.0"), epochRow);
    assertEquals(Map.of("step", 3, "epoch", 0, "train_loss", 2.5, "val_loss", 1.0), lines.get(3));
    assertEquals(0.2, lines.get(0).get("lr-AdamW/head"));
    assertEquals("5", rows.get(6).get("step"));
    assertEquals("1", rows.get(6).get("epoch"));
  }

  @Test
  void namesUnnamedGroupsAsLightningDoes() {
    List<String> two = List.of("a", "b");
    assertEquals("lr-SGD/pg1", MetricNames.lr("SGD", two, 0, false));
    assertEquals("lr-SGD/pg2", MetricNames.lr("SGD", two, 1, false));
    assertEquals("lr-SGD", MetricNames.lr("SGD", List.of("a"), 0, false), "one unnamed group has no suffix");
    assertEquals("lr-SGD/a", MetricNames.lr("SGD", List.of("a"), 0, true), "a named group keeps its name");
    assertEquals("lr-SGD/pg2-momentum", MetricNames.momentum(MetricNames.lr("SGD", two, 1, false)));
    assertEquals("lr-SGD/a-weight_decay", MetricNames.weightDecay("lr-SGD/a"));
  }

  @Test
  void skippedStepsShowInTheNextRowAndByIndexNames() throws IOException {
    Parameter p = Parameter.of("p", 1f);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1)).group("only", p).build();
    Path csv = dir.resolve("skips.csv");
    try (MetricLog log = MetricLog.of(plan).csv(csv).groupsByIndex()) {
      TrainingLoop.of(plan).console(null).listener(log)
          .train((epoch, batch, scale) -> {
            p.gradOrZeros().set(0, batch == 1 ? Float.NaN : 1f);
            return 1.0 + batch;
          })
          .run();
    }
    List<Map<String, String>> rows = CsvFile.read(csv);
    assertEquals("0", rows.get(0).get("skipped_steps"));
    assertEquals("1.0", rows.get(0).get("loss"));
    assertEquals("1", rows.get(1).get("skipped_steps"), "batch 1's step was skipped");
    assertEquals("1", rows.get(1).get("step"), "the clock stood still: the next step is step 1");
    assertEquals("3.0", rows.get(1).get("loss"), "the skipped step's loss belongs to no row");
    assertEquals("0.1", rows.get(1).get("lr-SGD"));
    assertEquals("0.0", rows.get(1).get("lr-SGD-momentum"), "SGD's momentum defaults to 0, logged as Lightning logs it");
    assertEquals(2 + 1, rows.size(), "two steps taken, one epoch row");
  }

  @Test
  void jsonLinesAppendAcrossRunsAndSkipATornLastLine() throws IOException {
    Path file = dir.resolve("m.jsonl");
    try (JsonLinesFile out = new JsonLinesFile(file)) {
      out.write(Map.of("step", 0, "loss", Double.NaN));
    }
    try (JsonLinesFile out = new JsonLinesFile(file)) {
      out.write(Map.of("step", 1));
    }
    Files.writeString(file, "{\"step\": 2, \"lo", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    List<Map<String, Object>> rows = JsonLinesFile.read(file);
    assertEquals(List.of(Map.of("step", 0, "loss", "NaN"), Map.of("step", 1)), rows);
  }

  @Test
  void csvIsRewrittenWholeWhenAColumnAppearsAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("t.csv");
    CsvFile csv = new CsvFile(file);
    csv.write(Map.of("step", 0));
    csv.flush();
    assertEquals("step\n0\n", Files.readString(file));
    csv.write(Map.of("step", 1, "val_loss", 0.5));
    csv.flush();
    assertEquals("step,val_loss\n0,\n1,0.5\n", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
    assertTrue(CsvFile.read(file).get(0).keySet().equals(java.util.Set.of("step")));
  }
}
