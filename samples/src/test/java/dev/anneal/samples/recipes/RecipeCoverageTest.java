package dev.anneal.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.preview.PlanFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every recipe the preview lists is replayed against a trace, and every trace names a listed recipe. */
class RecipeCoverageTest {

  @Test
  void everyListedRecipeHasATraceAndEveryTraceAListedRecipe() throws IOException, URISyntaxException {
    Set<String> listed = new TreeSet<>();
    for (PlanFactory factory : ServiceLoader.load(PlanFactory.class)) {
      if (factory.getClass().getPackageName().equals("dev.anneal.samples.recipes")) {
        listed.add(factory.name());
      }
    }
    Set<String> traced = new TreeSet<>();
    List<String> references = new ArrayList<>();
    Path folder = Path.of(RecipeCoverageTest.class.getResource("/conformance/recipes").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (RecipeCase c : new ObjectMapper().readValue(file.toFile(), new TypeReference<List<RecipeCase>>() {})) {
          traced.add(c.recipe());
          references.add(c.reference());
        }
      }
    }
    assertTrue(listed.size() >= 12, "the twelve recipes of issue 24 at least, listed: " + listed);
    assertEquals(listed, traced, "recipes listed for the preview and recipes with a trace");
    assertTrue(references.stream().allMatch(r -> r.matches("(?s).*\\b[0-9a-f]{7,40}\\b.*")),
        "every trace names the commit of the reference it follows: " + references);
  }
}
