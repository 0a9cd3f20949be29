package dev.anneal.optim;

import static org.junit.jupiter.api.Assertions.assertThrows;
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

/**
 * Replays optimizer fixture files (shared/conformance/SCHEMA.md) on any {@link StorageKind} and
 * checks every parameter after every step within the schema's tolerance
 * {@code 1e-6 + 1e-5 * |expected|}. An optimizer the kind does not run must be refused at its
 * first step, never stepped some other way.
 */
public final class OptimizerReplay {
  private OptimizerReplay() {}

  /** One dynamic test per case of every fixture file and every kind. */
  public static Stream<DynamicNode> everyFile(List<? extends StorageKind> kinds) {
    List<Path> files = OptimizerFixtures.files();
    if (files.isEmpty()) {
      fail("no optimizer fixtures found in " + OptimizerFixtures.FOLDER);
    }
    return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
        OptimizerFixtures.cases(file).stream().flatMap(c -> kinds.stream().map(kind ->
            DynamicTest.dynamicTest(c.get("name").asText() + " [" + kind.label() + "]", () -> replay(file, c, kind))))));
  }

  public static void replay(Path file, JsonNode c, StorageKind kind) {
    List<Parameter> params = OptimizerFixtures.parameters(c, kind);
    Optimizer optimizer = OptimizerFixtures.optimizer(c, params);
    if (!kind.runs(c.get("optimizer").asText())) {
      assertThrows(IllegalStateException.class, () -> OptimizerFixtures.step(c, 0, optimizer, params, kind));
      return;
    }
    JsonNode expectedSteps = c.get("params_after_each_step");
    List<String> mismatches = new ArrayList<>();
    for (int step = 0; step < expectedSteps.size(); step++) {
      OptimizerFixtures.step(c, step, optimizer, params, kind);
      for (int p = 0; p < params.size(); p++) {
        JsonNode expected = expectedSteps.get(step).get(p);
        float[] got = params.get(p).values().toArray();
        for (int i = 0; i < expected.size(); i++) {
          double want = expected.get(i).asDouble();
          if (!(Math.abs(got[i] - want) <= 1e-6 + 1e-5 * Math.abs(want))) {
            mismatches.add("step " + (step + 1) + " param " + p + "[" + i + "]: expected " + want + ", got " + got[i]);
          }
        }
      }
      if (!mismatches.isEmpty()) {
        fail(file.getFileName() + " case " + c.get("name").asText() + " (" + c.get("optimizer").asText() + " "
            + c.get("kwargs") + ", group_kwargs " + c.get("group_kwargs") + ") on " + kind.label() + ":\n  "
            + String.join("\n  ", mismatches.subList(0, Math.min(8, mismatches.size()))));
      }
    }
  }
}
