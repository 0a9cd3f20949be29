package dev.anneal.samples.easytrain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anneal.samples.data.FashionMnist;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Sample 5 on the full Fashion-MNIST set: the recipe trained by DJL's EasyTrain with DjlPlan
 * reaches the accuracy of the same recipe trained through DjlTrainer in Anneal's own loop. Needs
 * Debian's dataset-fashion-mnist (CI installs it); skipped, saying so, without it.
 */
class EasyTrainCnnIT {
  @TempDir Path out;

  @Test
  void easyTrainReachesTheAccuracyOfTheSameRecipeThroughDjlTrainer() throws Exception {
    boolean installed = FashionMnist.fullSetInstalled();
    if (!installed) {
      System.out.println("EasyTrainCnnIT skipped: the full Fashion-MNIST set is not in " + FashionMnist.SYSTEM_DIR
          + " (apt-get install dataset-fashion-mnist)");
    }
    assumeTrue(installed, "full Fashion-MNIST set not installed in " + FashionMnist.SYSTEM_DIR);
    EasyTrainCnn sample = CommandLine.populateCommand(new EasyTrainCnn(), "--data", FashionMnist.SYSTEM_DIR, "--compare",
        "--out", out.toString());
    EasyTrainCnn.Result result = sample.run(System.out);
    assertTrue(result.easyTrainAccuracy() >= 0.89, "test accuracy under EasyTrain was " + result.easyTrainAccuracy());
    assertTrue(Math.abs(result.easyTrainAccuracy() - result.djlTrainerAccuracy()) <= 0.015,
        "EasyTrain " + result.easyTrainAccuracy() + " against DjlTrainer " + result.djlTrainerAccuracy());
  }
}
