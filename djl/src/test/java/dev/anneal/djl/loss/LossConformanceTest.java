package dev.anneal.djl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every fixture file in {@code conformance/losses/} (recorded from PyTorch by
 * {@code src/test/python/record_loss_fixtures.py}): the output and the gradient of every input
 * that requires one, within the schema's tolerance.
 */
class LossConformanceTest {

  @TestFactory
  Stream<DynamicNode> everyFixtureFile() {
    List<Path> files = LossFixtures.files();
    if (files.isEmpty()) {
      fail("no loss fixtures found in " + LossFixtures.FOLDER);
    }
    return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
        LossFixtures.cases(file).stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
          List<String> mismatches = LossFixtures.mismatches(c, LossFixtures.replay(c));
          if (!mismatches.isEmpty()) {
            fail(file.getFileName() + " case " + c.get("name").asText() + " (" + c.get("loss").asText() + " " + c.get("kwargs")
                + "):\n  " + String.join("\n  ", mismatches.subList(0, Math.min(8, mismatches.size()))));
          }
        }))));
  }

  @Test
  void theFixturesCoverAll21Losses() {
    Set<String> covered = new TreeSet<>();
    for (Path file : LossFixtures.files()) {
      LossFixtures.cases(file).forEach(c -> covered.add(c.get("loss").asText()));
    }
    assertEquals(new TreeSet<>(Losses.names()), covered);
    assertEquals(21, covered.size());
  }

  /** One vocabulary: every loss descriptor builds a loss here, and every loss here has a descriptor. */
  @Test
  void everyLossDescriptorBuildsALoss() {
    List<String> described = Vocabulary.builtIns().all(Category.LOSS).stream().map(Descriptor::name).toList();
    assertEquals(described, Losses.names());
    for (String name : described) {
      assertEquals(name, Losses.create(name, java.util.Map.of()).pytorchName());
    }
  }

  /** The runner is not vacuous: a value moved just past the tolerance, or a wrong shape, is reported. */
  @Test
  void aPerturbedExpectationIsCaught() {
    JsonNode original = LossFixtures.cases(LossFixtures.files().stream()
        .filter(p -> p.getFileName().toString().equals("cross_entropy.json")).findFirst().orElseThrow()).get(0);
    LossFixtures.Result result = LossFixtures.replay(original);
    assertTrue(LossFixtures.mismatches(original, result).isEmpty());

    ObjectNode value = original.deepCopy();
    ArrayNode out = (ArrayNode) value.get("output").get("data");
    double v = out.get(0).asDouble();
    out.set(0, v + 2 * (1e-5 + 1e-4 * Math.abs(v)));
    assertFalse(LossFixtures.mismatches(value, result).isEmpty(), "a perturbed output");

    ObjectNode grad = original.deepCopy();
    ArrayNode g = (ArrayNode) grad.get("grads").get(0).get("data");
    g.set(3, g.get(3).asDouble() + 1e-3);
    assertEquals(1, LossFixtures.mismatches(grad, result).size(), "a perturbed gradient");

    ObjectNode nan = original.deepCopy();
    ((ArrayNode) nan.get("output").get("data")).set(0, "nan");
    assertFalse(LossFixtures.mismatches(nan, result).isEmpty(), "NaN expected, a number given");

    ObjectNode shape = original.deepCopy();
    ((ArrayNode) shape.get("output").get("shape")).add(1);
    assertFalse(LossFixtures.mismatches(shape, result).isEmpty(), "a wrong shape");
  }
}
