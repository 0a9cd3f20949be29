package dev.anneal.samples.lrfind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.lrfind.LrFinderResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LrFindTest {
  @TempDir Path out;

  @Test
  void sweepsTheCnnOnTheSliceSuggestsPerGroupLrsRestoresTheModelAndWritesThePlot() throws Exception {
    LrFind sample = CommandLine.populateCommand(new LrFind(),
        "--data", "slice", "--steps", "30", "--batch", "32", "--start-lr", "1e-5", "--out", out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LrFinderResult result = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(result.steps() >= 12, printed);
    assertEquals(0.1, result.ratios().get("stem"), 1e-12);
    assertTrue(printed.contains("restored: every weight and BatchNorm statistic"), printed);
    assertTrue(printed.contains("valley") && printed.contains("stem ") && printed.contains("body "), printed);
    assertTrue(Files.size(out.resolve("lr-find.png")) > 1000);
    assertTrue(printed.strip().endsWith(out.resolve("lr-find.png").toAbsolutePath().toString()), printed);
  }
}
