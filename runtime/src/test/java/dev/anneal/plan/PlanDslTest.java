package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DSL exactly as CONTRACTS.md shows it (the shape the processor generates). */
class PlanDslTest {

  @Test
  void contractShapeBuildsAndRuns() {
    Layer stem = new Layer("stem");
    stem.add("w", 2);
    Layer body = new Layer("body");
    body.add("w", 2);
    Layer head = new Layer("head");
    head.add("w", 2);
    Parameter bias = Parameter.of("bias", 0f);

    TrainingPlan plan = TrainingPlan.builder()
        .epochs(12)
        .stepsPerEpoch(10)
        .optimizer(Spec.of("SGD").with("lr", 1e-3).with("weight_decay", 0.05))
        .group("stem", stem, g -> g.set("lr", 1e-4).freezeUntilEpoch(3))
        .group("body", body, g -> g.set("lr", 3e-4).freezeUntilStep(500)
            .onUnfreeze(UnfreezePolicy.RESET_STATE).rewarmup(100))
        .group("head", head, g -> g.set("lr", 1e-3).set("weight_decay", 0.0)
            .schedule(Spec.of("StepLR").with("step_size", 2), Interval.EPOCH))
        .group("default", ParameterSource.of(bias))
        .schedule(Spec.of("StepLR").with("step_size", 5).with("gamma", 0.5), Interval.STEP)
        .monitor("val_loss")
        .clipGradNorm(1.0)
        .accumulate(4)
        .schedulers(new TestSchedulers())
        .build();

    assertEquals(0.25, plan.lossScale());
    assertTrue(plan.isFrozen("stem"));
    assertTrue(plan.isFrozen("body"));
    assertFalse(plan.isFrozen("head"));
    assertFalse(stem.parameters().get(0).requiresGrad());
    plan.startEpoch();
    for (int i = 0; i < 8; i++) {
      for (Parameter p : plan.parameters()) {
        if (p.requiresGrad()) {
          p.gradOrZeros().fill(1f);
        }
      }
      plan.afterBackward();
    }
    plan.endEpoch(Map.of("val_loss", 1.0));
    assertEquals(2, plan.clock().step());
    assertEquals(1, plan.clock().epoch());
  }
}
