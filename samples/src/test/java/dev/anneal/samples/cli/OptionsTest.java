package dev.anneal.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionsTest {
  private static Options options() {
    return Options.of("Demo", "A demo.").option("epochs", "5", "training epochs").dataOptions("out/demo");
  }

  @Test
  void defaultsAndValues() {
    Options options = options();
    assertTrue(options.parse(new String[] {"--epochs", "3", "--data=/tmp/x"}));
    assertEquals(3, options.integer("epochs"));
    assertEquals("/tmp/x", options.string("data"));
    assertEquals("out/demo", options.string("out"));
    assertNull(options().string("data"));
  }

  @Test
  void helpStopsAndUsageListsEveryOption() {
    Options options = options();
    assertFalse(options.parse(new String[] {"--help"}));
    assertTrue(options.usage().contains("--epochs") && options.usage().contains("--data") && options.usage().contains("(default: 5)"));
  }

  @Test
  void badArgumentsAreRefusedWithTheUsage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options().parse(new String[] {"--epoch", "3"}));
    assertTrue(e.getMessage().contains("unknown option --epoch") && e.getMessage().contains("Usage"), e.getMessage());
    Options options = options();
    options.parse(new String[] {"--epochs", "zero"});
    e = assertThrows(IllegalArgumentException.class, () -> options.integer("epochs"));
    assertTrue(e.getMessage().contains("--epochs must be a positive whole number, was zero"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> options().parse(new String[] {"--epochs"}));
  }
}
