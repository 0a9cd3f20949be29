package dev.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.AdamW;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.CyclicLR;
import dev.anneal.spec.typed.LinearWarmup;
import dev.anneal.spec.typed.Sgd;
import dev.anneal.spec.typed.Specs;
import dev.anneal.spec.typed.StepLR;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedDslTest {
  private final Parameter stem = Parameter.of("stem.w", 1f, 2f);
  private final Parameter head = Parameter.of("head.w", 3f);

  @Test
  void typedBuildersWriteTheSpecThePyTorchNamesWould() {
    assertEquals(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.05).with("betas", List.of(0.9, 0.95)),
        AdamW.spec().lr(1e-3).weightDecay(0.05).betas(0.9, 0.95).toSpec());
    assertEquals(Spec.of("LinearWarmup").with("warmup_steps", 500).withChildren(Spec.of("CosineAnnealingLR").with("T_max", 5500)),
        LinearWarmup.spec().warmupSteps(500).then(CosineAnnealingLR.spec().tMax(5500)).toSpec());
    assertEquals(Spec.of("CyclicLR").with("base_lr", 0.01).with("max_lr", List.of(0.1, 0.2)).with("mode", "exp_range"),
        CyclicLR.spec().baseLr(0.01).maxLr(List.of(0.1, 0.2)).mode(CyclicLR.Mode.EXP_RANGE).toSpec());
    assertEquals(Specs.adamW().lr(0.1), AdamW.spec().lr(0.1));
  }

  @Test
  void aBadValueFailsOnTheSetterNamingTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdamW.spec().betas(0.9, 1.0));
    assertEquals("AdamW betas element 1 must be in [0, 1), was [0.9, 1.0]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CosineAnnealingLR.spec().tMax(0));
  }

  @Test
  void typedSpecsAreAcceptedWhereverASpecIs() {
    TrainingPlan plan = TrainingPlan.builder().epochs(2).stepsPerEpoch(3)
        .optimizer(AdamW.spec().lr(1e-3).weightDecay(0.05))
        .group("stem", stem, g -> g.set(AdamW.spec().lr(1e-4).betas(0.8, 0.99)))
        .group("head", head, g -> g.weightDecay(0.0).schedule(StepLR.spec().stepSize(1), Interval.EPOCH))
        .schedule(CosineAnnealingLR.spec().tMax(6), Interval.STEP)
        .build();
    assertEquals(1e-4, plan.optimizer().paramGroups().get(0).lr());
    assertEquals(0.8, plan.optimizer().paramGroups().get(0).getDouble("betas", 0));
    assertEquals(0.0, plan.optimizer().paramGroups().get(1).getDouble("weight_decay"));
    assertEquals(0.05, plan.optimizer().paramGroups().get(0).getDouble("weight_decay"));
  }

  @Test
  void aMisspelledGroupOverrideIsRefusedWithDidYouMean() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(1)
        .optimizer(Sgd.spec().lr(0.1)).group("head", head, g -> g.set("weight_decy", 0.1)).build());
    assertTrue(e.getMessage().startsWith("group head: SGD has no argument weight_decy (did you mean weight_decay?)"), e.getMessage());
  }

  @Test
  void typedOverridesOfAnotherOptimizerAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(1)
        .optimizer(Sgd.spec().lr(0.1)).group("head", head, g -> g.set(AdamW.spec().lr(0.1))).build());
    assertTrue(e.getMessage().contains("overrides AdamW hyperparameters, but the plan's optimizer is SGD"), e.getMessage());
  }

  @Test
  void pastedPythonCallsAndLiteralsAreRead() {
    Spec spec = Spec.parse("torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), foreach=None, amsgrad=True)");
    assertEquals("AdamW", spec.type());
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("lr", 1e-3);
    expected.put("betas", List.of(0.9, 0.95));
    expected.put("foreach", null);
    expected.put("amsgrad", true);
    assertEquals(expected, spec.kwargs());
    assertEquals(Arrays.asList(null, 1e-3), Spec.parse("Adafactor(eps=(None, 1e-3))").get("eps"));
    Spec loss = Spec.parse("nn.CrossEntropyLoss(label_smoothing=0.1, ignore_index=-100)");
    assertEquals("CrossEntropyLoss", loss.type(), "a pasted loss loses its torch.nn. / nn. prefix");
    assertEquals(0.1, loss.get("label_smoothing"));
  }
}
