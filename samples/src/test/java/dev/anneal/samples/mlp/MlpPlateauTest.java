package dev.anneal.samples.mlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Sample 1 on the bundled slice: trains, and announces each plateau reduction of the lr. */
class MlpPlateauTest {
  @TempDir Path out;

  @Test
  void plateauReductionsArePrintedAndPlotted() throws Exception {
    // patience 0 and a large lr: the validation loss of 2,700 images soon stops improving.
    MlpPlateau sample = CommandLine.populateCommand(new MlpPlateau(),
        "--data", "slice", "--epochs", "6", "--patience", "0", "--lr", "0.1", "--out", out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double accuracy = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(accuracy > 0.6, "test accuracy " + accuracy + "\n" + printed);
    assertTrue(printed.contains("lr of group hidden dropped: 0.100 -> 0.0500"), printed);
    assertTrue(printed.contains("epoch 6/6") && printed.contains("val_loss"), printed);
    assertTrue(Files.size(out.resolve("mlp-plateau-lr.png")) > 1000);
  }
}
