package dev.anneal.optim;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anneal.param.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every fixture file in {@code conformance/optimizers/} (recorded from PyTorch by
 * {@code src/test/python/record_optimizer_fixtures.py}) on heap and on direct storage, and checks
 * every parameter after every step within the schema's tolerance {@code 1e-6 + 1e-5 * |expected|}.
 */
class OptimizerConformanceTest {

  @TestFactory
  Stream<DynamicNode> everyFixtureFile() {
    List<Path> files = OptimizerFixtures.files();
    if (files.isEmpty()) {
      fail("no optimizer fixtures found in " + OptimizerFixtures.FOLDER);
    }
    return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
        OptimizerFixtures.cases(file).stream().flatMap(c -> Stream.of(
            DynamicTest.dynamicTest(c.get("name").asText() + " [heap]", () -> replay(file, c, false)),
            DynamicTest.dynamicTest(c.get("name").asText() + " [direct]", () -> replay(file, c, true))))));
  }

  private static void replay(Path file, JsonNode c, boolean direct) {
    List<Parameter> params = OptimizerFixtures.parameters(c, direct);
    Optimizer optimizer = OptimizerFixtures.optimizer(c, params);
    JsonNode expectedSteps = c.get("params_after_each_step");
    List<String> mismatches = new ArrayList<>();
    for (int step = 0; step < expectedSteps.size(); step++) {
      OptimizerFixtures.step(c, step, optimizer, params, direct);
      for (int p = 0; p < params.size(); p++) {
        JsonNode expected = expectedSteps.get(step).get(p);
        for (int i = 0; i < expected.size(); i++) {
          double want = expected.get(i).asDouble();
          double got = params.get(p).values().get(i);
          if (!(Math.abs(got - want) <= 1e-6 + 1e-5 * Math.abs(want))) {
            mismatches.add("step " + (step + 1) + " param " + p + "[" + i + "]: expected " + want + ", got " + got);
          }
        }
      }
      if (!mismatches.isEmpty()) {
        fail(file.getFileName() + " case " + c.get("name").asText() + " (" + c.get("optimizer").asText() + " "
            + c.get("kwargs") + ", group_kwargs " + c.get("group_kwargs") + "):\n  "
            + String.join("\n  ", mismatches.subList(0, Math.min(8, mismatches.size()))));
      }
    }
  }
}
