package dev.anneal.samples.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void meanAndSampleStandardDeviation() {
    // mean 5; squared deviations 9+1+1+9 = 20; sample variance 20/3 (population would be 20/4)
    Summary s = Summary.of(2, 4, 6, 8);
    assertEquals(4, s.count());
    assertEquals(5.0, s.mean(), 1e-12);
    assertEquals(Math.sqrt(20.0 / 3), s.std(), 1e-12);
  }

  @Test
  void theIntervalOfTheMeanUsesStudentsT() {
    // five values: 4 degrees of freedom, t = 2.776 (tables); std sqrt(2.5)
    assertEquals(2.776 * Math.sqrt(2.5) / Math.sqrt(5), Summary.of(1, 2, 3, 4, 5).halfWidth95(), 1e-12);
    // 41 values (40 degrees of freedom, beyond the table): t(0.975, 40) = 2.021 in the tables
    double[] values = new double[41];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2;
    }
    Summary s = Summary.of(values);
    assertEquals(2.021, s.halfWidth95() * Math.sqrt(41) / s.std(), 0.002);
    assertTrue(Double.isNaN(Summary.of(3).halfWidth95()));
  }

  @Test
  void identicalValuesHaveNoSpread() {
    Summary s = Summary.of(0.8, 0.8, 0.8);
    assertEquals(0.8, s.mean(), 1e-12);
    assertEquals(0.0, s.std(), 1e-12);
  }

  @Test
  void formatsPercentWithTwoDecimals() {
    // mean 0.75; sample std sqrt((0.03^2 + 0 + 0.03^2) / 2) = 0.03
    assertEquals("75.00 ± 3.00", Summary.of(0.72, 0.75, 0.78).format(100));
  }

  @Test
  void oneValueHasAMeanAndNoSpread() {
    Summary s = Summary.of(0.5);
    assertEquals(0.5, s.mean());
    assertTrue(Double.isNaN(s.std()));
    assertEquals("50.00", s.format(100));
    assertThrows(IllegalArgumentException.class, Summary::of);
  }
}
