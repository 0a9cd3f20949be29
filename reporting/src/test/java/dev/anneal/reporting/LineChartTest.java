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

class LineChartTest {

  @Test
  void writesADecodablePngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/lr.png");
    LineChart.titled("Learning rate").xLabel("step").yLabel("lr").size(400, 300)
        .series("a", new double[] {0, 1, 2}, new double[] {0.1, 0.05, 0.025})
        .series("b", new double[] {0.2, 0.1, 0.05})
        .writePng(file);
    assertTrue(Files.size(file) > 0);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(400, image.getWidth());
    assertEquals(300, image.getHeight());
  }

  @Test
  void refusesMismatchedSeriesAndEmptyCharts(@TempDir Path dir) {
    LineChart chart = LineChart.titled("t");
    assertThrows(IllegalArgumentException.class, () -> chart.series("a", new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalStateException.class, () -> chart.writePng(dir.resolve("x.png")));
  }
}
