package dev.anneal.samples.cnn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anneal.samples.data.FashionMnist;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Sample 2 on the full Fashion-MNIST set with its defaults (5 epochs): at least 90% test
 * accuracy. Needs Debian's dataset-fashion-mnist (CI installs it); skipped, saying so, without it.
 */
class CnnAdamWIT {
  @TempDir Path out;

  @Test
  void reachesNinetyPercentTestAccuracyWithinFiveEpochs() throws Exception {
    boolean installed = FashionMnist.fullSetInstalled();
    if (!installed) {
      System.out.println("CnnAdamWIT skipped: the full Fashion-MNIST set is not in " + FashionMnist.SYSTEM_DIR
          + " (apt-get install dataset-fashion-mnist)");
    }
    assumeTrue(installed, "full Fashion-MNIST set not installed in " + FashionMnist.SYSTEM_DIR + " (apt-get install dataset-fashion-mnist)");
    CnnAdamW sample = CommandLine.populateCommand(new CnnAdamW(), "--data", FashionMnist.SYSTEM_DIR, "--out", out.toString());
    CnnAdamW.Result result = sample.run(System.out);
    assertTrue(result.testAccuracy() >= 0.90, "test accuracy after 5 epochs was " + result.testAccuracy());
  }
}
