package dev.anneal.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.preview.PlanPreview;
import dev.anneal.preview.PlanTrace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code PlanPreview} shows what the recipes' traces say: the plateau on top with the metrics it is
 * told to assume, and the HF Trainer's partial windows and warmup ratio.
 */
class NlpRecipesPreviewTest {
  private static List<RecipeCase> cases(String file) throws IOException {
    try (var in = NlpRecipesPreviewTest.class.getResourceAsStream("/conformance/recipes/" + file)) {
      return new ObjectMapper().readValue(in, new TypeReference<List<RecipeCase>>() {});
    }
  }

  private static void sameLrs(RecipeCase c, PlanTrace trace, List<String> groups, List<Integer> parameterOfGroup) {
    assertEquals(c.trace().size(), trace.steps().size(), c.name() + ": steps");
    for (int s = 0; s < trace.steps().size(); s++) {
      for (int g = 0; g < groups.size(); g++) {
        double want = c.trace().get(s).lr().get(parameterOfGroup.get(g));
        double got = trace.steps().get(s).lr(trace.group(groups.get(g)));
        assertEquals(want, got, 1e-12 * Math.abs(want), c.name() + ", step " + s + ", group " + groups.get(g));
      }
    }
  }

  @Test
  void thePlateauOnTopPreviewsWithTheAssumedMetrics() throws IOException {
    for (RecipeCase c : cases("seeds_plateau.json")) {
      List<Double> valLoss = c.metrics().get("val_loss");
      PlanTrace trace = PlanPreview.of(SeedsPlateauTraining.plan(new SeedsPlateau(), c.batchesPerEpoch()))
          .batchesPerEpoch(c.batchesPerEpoch())
          .metrics(epoch -> Map.of("val_loss", valLoss.get(epoch)))
          .run();
      sameLrs(c, trace, List.of("stem", "body", "head"), List.of(0, 2, 4));
    }
  }

  @Test
  void theHfTrainerPreviewStepsItsPartialWindows() throws IOException {
    for (RecipeCase c : cases("hf_trainer.json")) {
      PlanTrace trace = PlanPreview.of(HfTrainerTraining.plan(new HfTrainer(), HfTrainerTraining.stepsPerEpoch(c.batchesPerEpoch())))
          .batchesPerEpoch(c.batchesPerEpoch())
          .run();
      sameLrs(c, trace, List.of("default", "default.no_decay"), List.of(0, 1));
    }
  }
}
