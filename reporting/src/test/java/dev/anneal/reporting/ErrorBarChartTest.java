package dev.anneal.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorBarChartTest {
  private static final double[] X = {10, 20, 50};
  private static final double[] MEANS = {70, 80, 85};

  @Test
  void writesADecodablePngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/accuracy.png");
    ErrorBarChart.titled("Accuracy").xLabel("images per class").yLabel("%").size(400, 300)
        .series("a", X, MEANS, new double[] {3, 2, 1})
        .series("b", X, new double[] {65, 78, 86}, new double[] {4, 0, 1})
        .writePng(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(400, image.getWidth());
    assertEquals(300, image.getHeight());
  }

  /** The same means with and without spread: the bars must change the picture. */
  @Test
  void drawsTheErrorBars(@TempDir Path dir) throws Exception {
    Path none = dir.resolve("none.png");
    Path bars = dir.resolve("bars.png");
    ErrorBarChart.titled("t").series("a", X, MEANS, new double[] {0, 0, 0})
        .series("pin the y range", X, new double[] {50, 50, 100}, new double[] {0, 0, 0}).writePng(none);
    ErrorBarChart.titled("t").series("a", X, MEANS, new double[] {8, 8, 8})
        .series("pin the y range", X, new double[] {50, 50, 100}, new double[] {0, 0, 0}).writePng(bars);
    BufferedImage a = ImageIO.read(none.toFile());
    BufferedImage b = ImageIO.read(bars.toFile());
    int differing = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          differing++;
        }
      }
    }
    assertTrue(differing > 50, "only " + differing + " pixels differ with error bars of 8 around the means");
    assertTrue(Files.size(bars) > 1000);
  }

  @Test
  void refusesMismatchedOrNegativeErrorsAndEmptyCharts(@TempDir Path dir) {
    ErrorBarChart chart = ErrorBarChart.titled("t");
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> chart.series("a", X, MEANS, new double[] {1, 2}));
    assertTrue(lengths.getMessage().contains("2 errors"), lengths.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> chart.series("a", X, MEANS, new double[] {1, -2, 1}));
    assertTrue(negative.getMessage().contains("x = 20.0"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> chart.series("a", X, MEANS, new double[] {1, Double.NaN, 1}));
    assertThrows(IllegalStateException.class, () -> chart.writePng(dir.resolve("x.png")));
  }
}
