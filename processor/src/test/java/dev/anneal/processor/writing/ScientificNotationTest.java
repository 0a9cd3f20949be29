package dev.anneal.processor.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScientificNotationTest {
  private static void assertAsFormatter(double value) {
    assertEquals(String.format(Locale.ROOT, "%.4e", value), ScientificNotation.of(value), () -> "for " + value);
  }

  @Test
  void edgesAsTheFormatterWritesThem() {
    double[] edges = {0.0, -0.0, 1.0, -1.0, 1e-6, 1e-3, 0.1, 0.5, 10.0, 100.0, 123456.0, 1.00005, 1.000049999,
        9.99995e-5, 9.99994e-5, 0.99999, 0.999995, 2.5e-10, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e100, 1e-100, 3.0000500000000001e-4};
    for (double value : edges) {
      assertAsFormatter(value);
    }
  }

  @Test
  void randomDoublesAsTheFormatterWritesThem() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      assertAsFormatter(Double.longBitsToDouble(random.nextLong()));
      // the range a learning rate lives in, and values with few digits, where ties to round happen
      assertAsFormatter((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 3)));
      assertAsFormatter(random.nextInt(1, 2_000_000) * Math.pow(10, random.nextInt(-14, 0)) / 2);
    }
  }
}
