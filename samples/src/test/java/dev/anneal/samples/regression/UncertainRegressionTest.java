package dev.anneal.samples.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The GaussianNLLLoss sample learns the mean and that the noise grows with |x|. */
class UncertainRegressionTest {
  @Test
  void learnsAVarianceThatGrowsWithX() {
    UncertainRegression sample = CommandLine.populateCommand(new UncertainRegression(), "--epochs", "15", "--samples", "1000");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    UncertainRegression.Result result = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(result.lastLoss() < result.firstLoss() - 0.5, printed);
    double[] std = result.predictedStd();
    // PROBES: -2.5, -1, 0, 1, 2.5; true std 0.425, 0.2, 0.05, 0.2, 0.425
    assertTrue(std[0] > 2 * std[2] && std[4] > 2 * std[2], printed);
    assertTrue(printed.contains("predicted std"), printed);
  }
}
