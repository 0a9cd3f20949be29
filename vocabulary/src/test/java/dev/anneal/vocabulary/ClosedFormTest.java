package dev.anneal.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values that follow from each formula's definition; agreement with the runtime is the runtime's test. */
class ClosedFormTest {
  private final Vocabulary vocabulary = Vocabulary.builtIns();

  private LrCurve curve(String type, Map<String, ?> kwargs, LrCurve... children) {
    return vocabulary.require(Category.SCHEDULER, type).curve(kwargs, List.of(children)).orElseThrow();
  }

  @Test
  void stepDecaysEveryStepSize() {
    LrCurve c = curve("StepLR", Map.of("step_size", 2));
    assertEquals(1.0, c.lr(0, 1.0, 1));
    assertEquals(0.1, c.lr(0, 1.0, 2), 1e-15);
    assertTrue(c.proportional());
  }

  @Test
  void cosineReachesEtaMinAtTMax() {
    LrCurve c = curve("CosineAnnealingLR", Map.of("T_max", 10, "eta_min", 0.01));
    assertEquals(0.1, c.lr(0, 0.1, 0), 1e-15);
    assertEquals(0.01, c.lr(0, 0.1, 10), 1e-15);
  }

  @Test
  void warmupThenChild() {
    LrCurve c = curve("LinearWarmup", Map.of("warmup_steps", 4, "warmup_factor", 0.0),
        curve("CosineAnnealingLR", Map.of("T_max", 10)));
    assertEquals(0.0, c.lr(0, 1.0, 0));
    assertEquals(0.5, c.lr(0, 1.0, 2));
    assertEquals(1.0, c.lr(0, 1.0, 4));
    assertEquals(0.0, c.lr(0, 1.0, 14), 1e-15);
  }

  @Test
  void oneCyclePeaksAtPctStart() {
    LrCurve c = curve("OneCycleLR", Map.of("max_lr", List.of(0.1, 0.2), "total_steps", 100));
    assertEquals(0.1 / 25, c.lr(0, 0, 0), 1e-15);
    assertEquals(0.2, c.lr(1, 0, 29), 1e-15);
    assertEquals(0.2 / 25 / 1e4, c.lr(1, 0, 99), 1e-18);
  }

  @Test
  void plateauHasNoClosedForm() {
    assertTrue(vocabulary.require(Category.SCHEDULER, "ReduceLROnPlateau").curve(Map.of(), List.of()).isEmpty());
  }
}
