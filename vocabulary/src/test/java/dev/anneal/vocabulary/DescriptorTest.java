package dev.anneal.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {
  private final Vocabulary vocabulary = Vocabulary.builtIns();

  private Descriptor optimizer(String name) {
    return vocabulary.require(Category.OPTIMIZER, name);
  }

  @Test
  void resolveFillsPyTorchDefaults() {
    Values v = optimizer("AdamW").resolve(Map.of("lr", 3e-4));
    assertEquals(3e-4, v.number("lr"));
    assertEquals(List.of(0.9, 0.999), v.numbers("betas"));
    assertEquals(1e-2, v.number("weight_decay"));
    assertNull(v.get("foreach"));
    assertTrue(v.given("lr"));
    assertFalse(v.given("eps"));
  }

  @Test
  void pyTorch2FlagsAndNoneAreAccepted() {
    Map<String, Object> kwargs = new HashMap<>();
    kwargs.put("foreach", null);
    kwargs.put("fused", false);
    kwargs.put("capturable", true);
    kwargs.put("differentiable", false);
    kwargs.put("decoupled_weight_decay", true);
    assertEquals(List.of(), optimizer("Adam").check(kwargs));
    assertEquals(List.of(), optimizer("LAMB").check(Map.of("bias_correction", false)));
    assertEquals(List.of(), optimizer("LARS").check(Map.of("nesterov", true, "momentum", 0.9, "dampening", 0.0, "trust_clip", true,
        "always_adapt", true)));
  }

  @Test
  void misspelledArgumentGetsDidYouMean() {
    List<Problem> problems = optimizer("AdamW").check(Map.of("weight_decy", 0.1));
    assertEquals(1, problems.size());
    assertEquals(Problem.Reason.UNKNOWN, problems.get(0).reason());
    assertTrue(problems.get(0).message().startsWith("AdamW has no argument weight_decy (did you mean weight_decay?)"),
        problems.get(0).message());
  }

  @Test
  void rangesAreChecked() {
    Problem betas = optimizer("Adam").check(Map.of("betas", List.of(0.9, 1.0))).get(0);
    assertEquals(Problem.Reason.OUT_OF_RANGE, betas.reason());
    assertEquals("Adam betas element 1 must be in [0, 1), was [0.9, 1.0]", betas.message());
    Problem lr = optimizer("SGD").check(Map.of("lr", -0.1)).get(0);
    assertEquals("SGD lr must be in [0, inf), was -0.1", lr.message());
    Problem kind = optimizer("SGD").check(Map.of("nesterov", "yes")).get(0);
    assertEquals(Problem.Reason.WRONG_KIND, kind.reason());
  }

  @Test
  void constraintsSeeAllArguments() {
    Problem p = optimizer("SGD").check(Map.of("nesterov", true)).get(0);
    assertEquals(Problem.Reason.CONFLICT, p.reason());
    assertEquals("nesterov", p.argument());
    assertEquals(List.of(), optimizer("SGD").check(Map.of("nesterov", true, "momentum", 0.9)));
  }

  @Test
  void requiredAndDerivedArgumentsAreMissingWithoutAValue() {
    Descriptor cosine = vocabulary.require(Category.SCHEDULER, "CosineAnnealingLR");
    Problem p = cosine.check(Map.of()).get(0);
    assertEquals(Problem.Reason.MISSING, p.reason());
    assertEquals(Presence.DERIVED_FROM_LENGTH, cosine.argument("T_max").orElseThrow().presence());
    assertEquals(Presence.REQUIRED, vocabulary.require(Category.SCHEDULER, "StepLR").argument("step_size").orElseThrow().presence());
  }

  @Test
  void unknownTypesAreNamedWithTheClosest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vocabulary.require(Category.OPTIMIZER, "AdamX"));
    assertTrue(e.getMessage().startsWith("unknown optimizer AdamX (did you mean Adam or AdamW"), e.getMessage());
  }

  @Test
  void sparseAdamIsRefusedWithTheReason() {
    Problem p = optimizer("SparseAdam").check(Map.of()).get(0);
    assertEquals(Problem.Reason.UNSUPPORTED, p.reason());
    assertTrue(p.message().contains("sparse gradients, which DJL does not give"), p.message());
  }

  @Test
  void adafactorEpsMayHoldNone() {
    Values v = optimizer("Adafactor").resolve(Map.of());
    assertEquals(Arrays.asList(null, 1e-3), v.get("eps"));
    assertEquals(List.of(), optimizer("Adafactor").check(Map.of("eps", Arrays.asList(null, 1e-2))));
    assertEquals(Problem.Reason.OUT_OF_RANGE, optimizer("Adafactor").check(Map.of("beta2_decay", 0.5)).get(0).reason());
  }

  @Test
  void lastEpochResumesWherePyTorchDoesAndNowhereElse() {
    assertEquals(List.of(), vocabulary.require(Category.SCHEDULER, "StepLR").check(Map.of("step_size", 2, "last_epoch", 5)));
    Problem belowStart = vocabulary.require(Category.SCHEDULER, "StepLR").check(Map.of("step_size", 2, "last_epoch", -2)).get(0);
    assertEquals("last_epoch", belowStart.argument());
    assertEquals(Problem.Reason.OUT_OF_RANGE, belowStart.reason());
    Problem notReplayed = vocabulary.require(Category.SCHEDULER, "CyclicLR")
        .check(Map.of("base_lr", 0.01, "max_lr", 0.1, "last_epoch", 5)).get(0);
    assertEquals("last_epoch", notReplayed.argument());
  }

  @Test
  void warmupRestartsRefusesAWarmupAsLongAsTheFirstCycle() {
    Descriptor d = vocabulary.require(Category.SCHEDULER, "CosineAnnealingWarmupRestarts");
    assertEquals(List.of(), d.check(Map.of("first_cycle_steps", 200, "max_lr", 0.1, "min_lr", 0.001, "warmup_steps", 50, "gamma", 0.5)));
    Problem p = d.check(Map.of("first_cycle_steps", 50, "warmup_steps", 50)).get(0);
    assertEquals("warmup_steps", p.argument());
    assertEquals(Problem.Reason.CONFLICT, p.reason());
    assertTrue(p.message().contains("warmup_steps must be smaller than first_cycle_steps"), p.message());
    assertEquals("cycle_mult", d.check(Map.of("first_cycle_steps", 10, "cycle_mult", 0.5)).get(0).argument());
    assertEquals(List.of(), d.check(Map.of("first_cycle_steps", 10, "cycle_mult", 0.5, "warmup_steps", 2)));
  }

  @Test
  void javaNamesAreCamelCase() {
    assertEquals("tMax", Argument.javaNameOf("T_max"));
    assertEquals("t0", Argument.javaNameOf("T_0"));
    assertEquals("weightDecay", Argument.javaNameOf("weight_decay"));
  }

  @Test
  void everyBuiltInResolvesItsDefaults() {
    for (Category c : Category.values()) {
      for (Descriptor d : vocabulary.all(c)) {
        for (Argument a : d.arguments()) {
          if (a.hasDefault()) {
            assertNull(a.problem(a.defaultValue()), d.name() + " " + a.name() + " default " + a.defaultValue());
          }
        }
      }
    }
  }
}
