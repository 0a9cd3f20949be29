package dev.anneal.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.lrfind.LrFinderResult;
import dev.anneal.lrfind.SweepMode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LrFinderPlotTest {

  @Test
  void drawsTheLossAgainstTheLrWithTheSuggestionsMarked(@TempDir Path dir) throws Exception {
    int n = 60;
    double[] lrs = new double[n];
    double[] losses = new double[n];
    for (int k = 0; k < n; k++) {
      lrs[k] = SweepMode.EXPONENTIAL.lr(1e-6, 1, k, n);
      double x = Math.log10(lrs[k]);
      losses[k] = 2 - 1.5 / (1 + Math.exp(-(x + 3) * 2)) + (x > -1 ? Math.exp(3 * (x + 1)) - 1 : 0);
    }
    LrFinderResult result = new LrFinderResult(SweepMode.EXPONENTIAL, n, "head", Map.of("head", 1.0), lrs, losses, losses, null);
    assertEquals(3, result.suggestions().size(), "steepest, valley and minimum");
    Path file = LrFinderPlot.writePng(result, Path.of(System.getProperty("lrfind.png", dir.resolve("lr-find.png").toString())));
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(900, image.getWidth());
    assertTrue(Files.size(file) > 1000);
  }
}
