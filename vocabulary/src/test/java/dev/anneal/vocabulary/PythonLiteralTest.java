package dev.anneal.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
