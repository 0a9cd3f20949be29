package dev.anneal.djl.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DJL's evaluation names reach the plan's monitor: validate_X as val_X, and explicit aliases. */
class DjlPlanMetricsTest {
  private static final Map<String, Float> DJL = Map.of("train_loss", 0.5f, "validate_loss", 0.25f,
      "train_Accuracy", 0.8f, "validate_Accuracy", 0.875f);

  @Test
  void validationMetricsAreAlsoNamedAsPlansMonitorThem() {
    Map<String, Double> metrics = DjlPlan.planMetrics(DJL, Map.of());
    assertEquals(0.25, metrics.get("val_loss"));
    assertEquals(0.25, metrics.get("validate_loss"));
    assertEquals(0.875, metrics.get("val_Accuracy"));
    assertEquals(0.5, metrics.get("train_loss"));
  }

  @Test
  void anAliasNamesAnyEvaluation() {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("acc", "validate_Accuracy");
    assertEquals(0.875, DjlPlan.planMetrics(DJL, aliases).get("acc"));
    aliases.put("f1", "validate_F1");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DjlPlan.planMetrics(DJL, aliases));
    assertTrue(e.getMessage().contains("validate_F1") && e.getMessage().contains("validate_loss"), e.getMessage());
  }
}
