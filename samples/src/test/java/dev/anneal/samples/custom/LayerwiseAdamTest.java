package dev.anneal.samples.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingResult;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.custom.model.CustomOptimizerSample;
import dev.anneal.spec.typed.LayerAdaptiveAdam;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A user's own optimizer, registered once with AutoService, trains from an annotation: the plan
 * the processor wrote for {@code LayerwiseRegressor} builds {@link LayerwiseAdam} with the
 * annotation's values, its first step is the hand-computed one, and it gives the runtime's
 * built-in {@code LayerAdaptiveAdam} (the same seed recipe) step for step.
 */
class LayerwiseAdamTest {

  @Test
  void thePlanFromTheAnnotationBuildsTheCustomOptimizer() {
    TrainingPlan plan = new CustomOptimizerSample().plan();
    Optimizer optimizer = plan.optimizer();
    assertInstanceOf(LayerwiseAdam.class, optimizer);
    assertEquals("LayerwiseAdam", optimizer.type());
    ParamGroup linear = plan.group("default");
    assertEquals(0.05, linear.lr(), 0.0);
    assertEquals(0.5, linear.getDouble("trust_coefficient"), 0.0);
    assertEquals(0.999, linear.getDouble("betas", 1), 0.0); // the descriptor's default
    assertEquals(0.02, plan.group("bias").lr(), 0.0);
  }

  @Test
  void firstStepIsTheHandComputedOne() {
    CustomOptimizerSample sample = new CustomOptimizerSample();
    TrainingPlan plan = sample.plan();
    Parameter weight = sample.model().weight();
    float[] w0 = {0.1f, -0.2f, 0.3f, 0f};
    float[] g = {0.4f, -1f, 2f, 0.5f};
    weight.values().copyFrom(w0);
    plan.startEpoch();
    weight.setGrad(FloatStorage.wrap(g.clone()));
    sample.model().bias().setGrad(FloatStorage.wrap(new float[] {1f}));
    plan.afterBackward();

    // m = 0.1 g, v = 0.001 g^2: |m| / (sqrt(v) + eps) is 0.1 / sqrt(0.001) = sqrt(10) for every element
    // (eps = 1e-8 aside), so the step is lr * trust_coefficient * sqrt(10) and w -= step * 0.1 g.
    double ratio = 0;
    for (float gi : g) {
      ratio += 0.1 * Math.abs(gi) / (Math.sqrt(0.001) * Math.abs(gi) + 1e-8);
    }
    double step = 0.05 * 0.5 * ratio / g.length;
    for (int i = 0; i < g.length; i++) {
      assertEquals(w0[i] - step * 0.1 * g[i], weight.values().get(i), 1e-6, "weight " + i);
    }
    // the bias: its own lr (0.02), the class-level trust_coefficient (0.5), gradient 1
    assertEquals(-0.02 * 0.5 * Math.sqrt(10) * 0.1, sample.model().bias().values().get(0), 1e-6);
  }

  @Test
  void lossFallsWhenTrainedThroughTheGeneratedPlan() {
    CustomOptimizerSample sample = new CustomOptimizerSample();
    TrainingResult result = sample.run(sample.plan(), null);
    assertTrue(result.completed(), result.message());
    assertEquals(12, result.epochs());
    double first = result.epochMetrics().get(0).get("train_loss");
    double last = result.epochMetrics().get(result.epochMetrics().size() - 1).get("train_loss");
    assertTrue(last < first / 20, "train_loss " + first + " -> " + last);
  }

  @Test
  void givesTheBuiltInLayerAdaptiveAdamStepForStep() {
    Parameter mine = Parameter.of("w", 0.3f, -0.1f, 0.8f, 0.05f, -0.6f);
    Parameter builtIn = Parameter.of("w", 0.3f, -0.1f, 0.8f, 0.05f, -0.6f);
    Optimizer custom = Optimizers.create(LayerwiseAdamSpec.spec().lr(0.01).weightDecay(0.1).trustCoefficient(2.0).betas(0.8, 0.99),
        List.of(new ParamGroup("all", List.of(mine))));
    Optimizer reference = Optimizers.create(LayerAdaptiveAdam.spec().lr(0.01).weightDecay(0.1).trustCoefficient(2.0).betas(0.8, 0.99),
        List.of(new ParamGroup("all", List.of(builtIn))));
    Random random = new Random(3);
    for (int step = 0; step < 25; step++) {
      float[] grad = new float[mine.size()];
      for (int i = 0; i < grad.length; i++) {
        grad[i] = (float) random.nextGaussian();
      }
      mine.setGrad(FloatStorage.wrap(grad.clone()));
      builtIn.setGrad(FloatStorage.wrap(grad.clone()));
      custom.step();
      reference.step();
      for (int i = 0; i < grad.length; i++) {
        assertEquals(builtIn.values().get(i), mine.values().get(i), 1e-5, "step " + step + ", element " + i);
      }
    }
  }
}
