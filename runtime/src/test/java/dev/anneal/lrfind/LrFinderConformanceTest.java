package dev.anneal.lrfind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays conformance/lrfind/lr_finder.json (recorded by runtime/src/test/python/record_lr_finder_fixtures.py):
 * the finder is fed the recorded raw losses and must sweep the same lrs, smooth to the same
 * losses, stop at the same step and suggest what Lightning and fastai suggest.
 */
class LrFinderConformanceTest {

  @TestFactory
  Stream<DynamicTest> matchesTheRecordedSweeps() throws IOException {
    JsonNode fixture;
    try (InputStream in = getClass().getResourceAsStream("/conformance/lrfind/lr_finder.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : fixture.get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> replay(c)));
    }
    return tests.stream();
  }

  private static void replay(JsonNode c) throws IOException {
    double[] raw = doubles(c.get("raw_losses"));
    Parameter w = Parameter.of("w", 0f);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(7)
        .optimizer(Spec.of("SGD").with("lr", 0.1)).group("w", w).build();
    int numIt = c.get("num_it").asInt();
    LrFinder finder = LrFinder.of(plan).range(c.get("start_lr").asDouble(), c.get("end_lr").asDouble()).steps(numIt)
        .mode(c.get("mode").asText().equals("linear") ? SweepMode.LINEAR : SweepMode.EXPONENTIAL)
        .smoothing(c.get("beta").asDouble());
    if (c.get("threshold").isNull()) {
      finder.noEarlyStop();
    } else {
      finder.earlyStopThreshold(c.get("threshold").asDouble());
    }
    int[] k = {0};
    LrFinderResult result = finder.run((epoch, batch, scale) -> {
      w.gradOrZeros().set(0, 1e-3f);
      return raw[k[0]++];
    });
    double[] lrs = doubles(c.get("lrs"));
    double[] losses = doubles(c.get("losses"));
    assertEquals(lrs.length, result.steps(), "steps run before the stop");
    assertEquals(c.get("stopped_early").asBoolean(), result.stoppedEarly(), String.valueOf(result.stopReason()));
    assertClose(lrs, result.lrs(), "lrs");
    assertClose(losses, result.losses(), "smoothed losses");
    assertEquals(c.get("steepest_index").asInt(), result.steepest().orElseThrow().index(), "Lightning's steepest");
    assertEquals(c.get("valley_index").asInt(), result.valley().orElseThrow().index(), "fastai's valley");
    assertEquals(c.get("minimum_lr").asDouble(), result.minimum().orElseThrow().lr(), 1e-12 * c.get("minimum_lr").asDouble(),
        "fastai's minimum");
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * Math.abs(expected[i]), what + " at step " + i);
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
