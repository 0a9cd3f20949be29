package dev.anneal.djl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anneal.optim.HostStorage;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerFixtures;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.StorageKind;
import dev.anneal.param.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The state seam between the engine and the host: for every fixture case of every optimizer that
 * runs as engine operations, step on the engine, export ({@code stateDict()}), load the export into
 * the same optimizer over heap parameters holding the engine's values, and continue both: each
 * further step must agree within the fixtures' tolerance. The export must also carry the same
 * tensor and scalar names as the host's own after the same steps, and the host's export must load
 * on the engine the same way.
 */
class EngineStateSeamTest {
  /** SGD, Adam, AdamW and the twelve more: every built-in optimizer but LBFGS and Muon. */
  private static final Set<String> ENGINE_OPTIMIZERS = Set.of("SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta",
      "Adamax", "NAdam", "RAdam", "ASGD", "Rprop", "LAMB", "LARS", "LayerAdaptiveAdam", "Adafactor");

  private static NDManager manager;
  private static EngineStorageKind engine;

  @BeforeAll
  static void openManager() {
    manager = NDManager.newBaseManager();
    engine = new EngineStorageKind(manager);
  }

  @AfterAll
  static void closeManager() {
    manager.close();
  }

  @Test
  void everyEngineOptimizerHasFixtures() {
    Set<String> covered = new TreeSet<>();
    for (Path file : OptimizerFixtures.files()) {
      OptimizerFixtures.cases(file).forEach(c -> covered.add(c.get("optimizer").asText()));
    }
    covered.retainAll(ENGINE_OPTIMIZERS);
    assertEquals(new TreeSet<>(ENGINE_OPTIMIZERS), covered);
  }

  @TestFactory
  Stream<DynamicTest> engineStateContinuesOnTheHostAndBack() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : OptimizerFixtures.files()) {
      for (JsonNode c : OptimizerFixtures.cases(file)) {
        String type = c.get("optimizer").asText();
        if (!engine.runs(type)) {
          continue;
        }
        String name = file.getFileName() + " " + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name + " engine -> heap", () -> resume(c, engine, HostStorage.HEAP)));
        tests.add(DynamicTest.dynamicTest(name + " heap -> engine", () -> resume(c, HostStorage.HEAP, engine)));
      }
    }
    return tests.stream();
  }

  /**
   * Steps {@code c} on {@code from} (and, beside it, on the other kind, whose export must name the
   * same state), exports, loads into an optimizer over {@code to} holding the same values, and
   * continues both to the case's end.
   */
  private static void resume(JsonNode c, StorageKind from, StorageKind to) {
    int steps = OptimizerFixtures.steps(c);
    int split = Math.max(1, steps - 2);
    List<Parameter> original = OptimizerFixtures.parameters(c, from);
    Optimizer uninterrupted = OptimizerFixtures.optimizer(c, original);
    List<Parameter> beside = OptimizerFixtures.parameters(c, to);
    Optimizer besideOptimizer = OptimizerFixtures.optimizer(c, beside);
    for (int s = 0; s < split; s++) {
      OptimizerFixtures.step(c, s, uninterrupted, original, from);
      OptimizerFixtures.step(c, s, besideOptimizer, beside, to);
    }
    OptimizerState exported = uninterrupted.stateDict();
    assertSameState(besideOptimizer.stateDict(), exported, c);

    List<Parameter> resumed = new ArrayList<>();
    for (Parameter p : original) {
      resumed.add(new Parameter(p.name(), p.shape(), to.create(p.values().toArray(), p.shape())));
    }
    Optimizer resumedOptimizer = OptimizerFixtures.optimizer(c, resumed);
    resumedOptimizer.loadStateDict(exported);
    for (int s = split; s < steps; s++) {
      OptimizerFixtures.step(c, s, uninterrupted, original, from);
      OptimizerFixtures.step(c, s, resumedOptimizer, resumed, to);
      for (int p = 0; p < original.size(); p++) {
        assertClose(original.get(p).values().toArray(), resumed.get(p).values().toArray(),
            c.get("optimizer").asText() + " " + c.get("name").asText() + " " + from.label() + " -> " + to.label()
                + ", step " + (s + 1) + ", parameter " + original.get(p).name());
      }
    }
  }

  /** The same parameters with state, each with the same tensor and scalar names and values within tolerance. */
  private static void assertSameState(OptimizerState expected, OptimizerState actual, JsonNode c) {
    String where = c.get("optimizer").asText() + " " + c.get("name").asText();
    assertEquals(expected.type(), actual.type(), where);
    assertEquals(expected.state().keySet(), actual.state().keySet(), where + ": parameters with state");
    for (Map.Entry<String, OptimizerState.ParamState> entry : expected.state().entrySet()) {
      OptimizerState.ParamState want = entry.getValue();
      OptimizerState.ParamState got = actual.state().get(entry.getKey());
      String at = where + ", parameter " + entry.getKey();
      assertEquals(want.tensors().keySet(), got.tensors().keySet(), at + ": state tensors");
      assertEquals(want.scalars().keySet(), got.scalars().keySet(), at + ": state scalars");
      want.tensors().forEach((name, values) -> assertClose(values, got.tensors().get(name), at + ", tensor " + name));
      want.scalars().forEach((name, value) -> assertClose(new float[] {value.floatValue()},
          new float[] {got.scalars().get(name).floatValue()}, at + ", scalar " + name));
    }
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      double want = expected[i];
      if (!(Math.abs(actual[i] - want) <= 1e-6 + 1e-5 * Math.abs(want))) {
        mismatches.add("[" + i + "] expected " + want + ", got " + actual[i]);
      }
    }
    if (!mismatches.isEmpty()) {
      fail(what + ": " + String.join(", ", mismatches.subList(0, Math.min(6, mismatches.size()))));
    }
  }
}
