package dev.anneal.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
  @Test
  void readsPythonValues() {
    assertNull(PythonLiteral.parse("None"));
    assertEquals(true, PythonLiteral.parse("True"));
    assertEquals(false, PythonLiteral.parse(" false "));
    assertEquals(3, PythonLiteral.parse("3"));
    assertEquals(1e-3, PythonLiteral.parse("1e-3"));
    assertEquals(Double.POSITIVE_INFINITY, PythonLiteral.parse("float('inf')"));
    assertEquals("cos", PythonLiteral.parse("'cos'"));
    assertEquals("strong_wolfe", PythonLiteral.parse("strong_wolfe"));
    assertEquals(List.of(0.9, 0.999), PythonLiteral.parse("(0.9, 0.999)"));
    assertEquals(List.of(30, 60), PythonLiteral.parse("[30, 60,]"));
    assertEquals(Arrays.asList(null, 1e-3), PythonLiteral.parse("(None, 1e-3)"));
  }

  @Test
  void badLiteralsSayWhere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("(0.9, 0.999"));
    assertEquals("not a Python literal: (0.9, 0.999 (expected , or ) at character 11)", e.getMessage());
  }

  // Issue 25, item 3.

  @Test
  void deepNestingIsRefusedWithALimitNotAStackOverflow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PythonLiteral.parse("(".repeat(5000) + ")".repeat(5000)));
    assertTrue(e.getMessage().contains("nested deeper than 32 levels"), e.getMessage());
    assertEquals(List.of(List.of(List.of())), PythonLiteral.parse("((()))"));
  }

  @Test
  void longNumbersAreReadInLinearTimeAndHugeIntegersRefusedByName() {
    // 29.5 s before: the decimal pattern backtracked quadratically; no timing is asserted, the suite's timeout watches it
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("1".repeat(50_000) + "x"));
    assertTrue(e.getMessage().contains("cannot read 1111111111111111111111111111111111111111... (50001 characters)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("1".repeat(30)));
    assertTrue(e.getMessage().contains("integer 111111111111111111111111111111 is out of range"), e.getMessage());
    assertEquals(1.5e300, PythonLiteral.parse("1.5e300"));
    assertEquals(0.5, PythonLiteral.parse(".5"));
    assertEquals(5.0, PythonLiteral.parse("5."));
    assertEquals(-2e-3, PythonLiteral.parse("-2E-3"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("1e"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("."));
  }
}
