package dev.anneal.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.param.Parameter;
import dev.anneal.plan.Accumulation;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes of the plateau on top, fairseq's inverse_sqrt, the HF Trainer's warmup ratio,
 * nanoGPT and mmengine's schedule_1x resume exactly: a plan saved after half of its epochs and
 * loaded into a fresh plan of the same recipe uses, at every later step, the lrs of the run that
 * was not interrupted (bit for bit), plateau counters and schedule positions included.
 */
class NlpRecipesResumeTest {
  private static final List<String> FILES = List.of("seeds_plateau.json", "fairseq_inverse_sqrt.json", "hf_trainer.json",
      "nanogpt.json", "mmdet_schedule_1x.json");

  @TempDir
  Path dir;

  @TestFactory
  List<DynamicTest> resumedRunsUseTheUninterruptedLrs() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      try (var in = NlpRecipesResumeTest.class.getResourceAsStream("/conformance/recipes/" + file)) {
        for (RecipeCase c : new ObjectMapper().readValue(in, new TypeReference<List<RecipeCase>>() {})) {
          tests.add(DynamicTest.dynamicTest(file + " / " + c.name(), () -> check(c)));
        }
      }
    }
    return tests;
  }

  private void check(RecipeCase c) throws IOException {
    List<double[]> whole = new ArrayList<>();
    TrainingPlan uninterrupted = plan(c);
    record(uninterrupted, whole);
    run(uninterrupted, c, 0, c.epochs());

    int half = Math.max(1, c.epochs() / 2);
    List<double[]> resumed = new ArrayList<>();
    TrainingPlan first = plan(c);
    record(first, resumed);
    run(first, c, 0, half);
    Path checkpoint = Files.createTempFile(dir, c.name(), ".ckpt");
    first.save(checkpoint);
    TrainingPlan second = plan(c);
    second.load(checkpoint);
    record(second, resumed);
    run(second, c, half, c.epochs());

    assertEquals(whole.size(), resumed.size(), c.name() + ": steps");
    for (int s = 0; s < whole.size(); s++) {
      assertArrayEquals(whole.get(s), resumed.get(s), c.name() + ": lrs at step " + s);
    }
  }

  private static TrainingPlan plan(RecipeCase c) {
    PlanFactory factory = null;
    for (PlanFactory f : ServiceLoader.load(PlanFactory.class)) {
      if (f.name().equals(c.recipe())) {
        factory = f;
      }
    }
    TrainingPlan plan = factory.plan(c.batchesPerEpoch());
    return plan.accumulate() > 1 ? factory.plan(Accumulation.stepsPerEpoch(c.batchesPerEpoch(), plan.accumulate())) : plan;
  }

  private static void record(TrainingPlan plan, List<double[]> into) {
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        into.add(report.lrs().clone());
      }
    });
  }

  private static void run(TrainingPlan plan, RecipeCase c, int from, int to) {
    for (int epoch = from; epoch < to; epoch++) {
      plan.startEpoch();
      for (int batch = 0; batch < c.batchesPerEpoch(); batch++) {
        for (Parameter p : plan.parameters()) {
          if (p.requiresGrad()) {
            p.gradOrZeros().set(0, 0.01f * (batch + 1));
          }
        }
        plan.afterBackward();
      }
      plan.finishEpochSteps();
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (c.metrics() != null) {
        for (Map.Entry<String, List<Double>> metric : c.metrics().entrySet()) {
          metrics.put(metric.getKey(), metric.getValue().get(epoch));
        }
      }
      plan.endEpoch(metrics);
    }
  }
}
