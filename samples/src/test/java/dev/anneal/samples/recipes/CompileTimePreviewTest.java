package dev.anneal.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The processor's compile-time preview of the fastai recipes (written next to the generated class,
 * {@code <Model>Training.preview.txt}) agrees with the recipes' traces, recorded from float64
 * emulations of fastai, at each epoch's first optimizer step: fine_tune's two fits over the layer
 * groups, fit_one_cycle, ULMFiT's slanted triangles. The preview prints five significant digits.
 */
class CompileTimePreviewTest {
  private static final double PRINTED = 1e-4;

  /** Each preview column and the trace's parameter of that group. */
  private static void agrees(String model, String traceFile, Map<String, Integer> parameterOfColumn) throws IOException {
    List<String> lines = previewTable(model);
    List<String> header = List.of(lines.get(0).trim().split("\\s+"));
    RecipeCase c = cases(traceFile).get(0);
    for (int epoch = 0; epoch < c.epochs(); epoch++) {
      List<String> cells = cells(lines.get(1 + epoch));
      assertEquals(Integer.toString(epoch), cells.get(0));
      for (Map.Entry<String, Integer> column : parameterOfColumn.entrySet()) {
        String cell = cells.get(header.indexOf(column.getKey()));
        double want = c.trace().get(epoch * c.batchesPerEpoch()).lr().get(column.getValue());
        assertEquals(want, Double.parseDouble(cell), PRINTED * want, model + " epoch " + epoch + ", " + column.getKey());
      }
    }
  }

  @Test
  void fineTuneSpreadsItsTwoFitsOverTheLayerGroups() throws IOException {
    agrees("FastaiFineTune", "fastai_fine_tune.json", Map.of("body", 0, "head", 6));
  }

  @Test
  void fitOneCycle() throws IOException {
    agrees("FastaiOneCycle", "fastai_one_cycle.json", Map.of("first", 0, "second", 2, "third", 4));
  }

  @Test
  void ulmfitsSlantedTriangles() throws IOException {
    agrees("Ulmfit", "ulmfit.json", Map.of("encoder", 0, "rnn0", 1, "rnn1", 3, "decoder", 4));
  }

  /** The table's lines, its header first. */
  private static List<String> previewTable(String model) throws IOException {
    String name = "/dev/anneal/samples/recipes/" + model + "Training.preview.txt";
    try (InputStream in = CompileTimePreviewTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      int header = 0;
      while (!lines.get(header).startsWith("epoch ")) {
        header++;
      }
      return lines.subList(header, lines.size());
    }
  }

  /** A row's cells without the freeze marks (F, U) and the plateau mark (~). */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    for (String token : row.trim().split("\\s+")) {
      if (!token.equals("F") && !token.equals("U")) {
        cells.add(token.replace("~", ""));
      }
    }
    return cells;
  }

  private static List<RecipeCase> cases(String file) throws IOException {
    try (InputStream in = CompileTimePreviewTest.class.getResourceAsStream("/conformance/recipes/" + file)) {
      return new ObjectMapper().readValue(in, new TypeReference<List<RecipeCase>>() {});
    }
  }
}
