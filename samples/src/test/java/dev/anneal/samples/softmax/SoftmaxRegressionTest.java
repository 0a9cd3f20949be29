package dev.anneal.samples.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SoftmaxRegressionTest {
  @TempDir Path out;

  /** The hand-written gradient against central differences of the cross-entropy. */
  @Test
  void gradientMatchesFiniteDifferences() {
    int inputs = 3;
    SoftmaxRegression model = new SoftmaxRegression(inputs, 1);
    float[] x = {0.5f, -1f, 2f};
    int label = 4;
    float[] gradW = new float[10 * inputs];
    float[] gradB = new float[10];
    model.accumulateGradient(x, 0, model.probabilities(x, 0), label, 1f, gradW, gradB);
    float h = 1e-2f;
    for (int i : new int[] {0, 13, 29}) {
      float old = model.weightValues()[i];
      model.setWeight(i, old + h);
      double up = -Math.log(model.probabilities(x, 0)[label]);
      model.setWeight(i, old - h);
      double down = -Math.log(model.probabilities(x, 0)[label]);
      model.setWeight(i, old);
      assertEquals((up - down) / (2 * h), gradW[i], 1e-3, "weight " + i);
    }
  }

  @Test
  void trainsOnTheBundledSliceAndWritesPlots() throws Exception {
    SoftmaxRegression.Command sample = CommandLine.populateCommand(new SoftmaxRegression.Command(),
        "--data", "slice", "--epochs", "2", "--out", out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double accuracy = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(accuracy > 0.7, "test accuracy " + accuracy + "\n" + printed);
    assertTrue(printed.contains("epoch 2/2"), printed);
    assertTrue(Files.size(out.resolve("softmax-lr.png")) > 1000);
    assertTrue(Files.size(out.resolve("softmax-accuracy.png")) > 1000);
    assertTrue(printed.strip().endsWith(out.resolve("softmax-accuracy.png").toAbsolutePath().toString()), printed);
  }
}
