package dev.anneal.djl.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.anneal.djl.BlockParameters;
import dev.anneal.plan.LossScale;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How DjlPlan divides an epoch's partial accumulation window: SGD with lr 1 and
 * {@code accumulate(2)} over an epoch of 3 micro-batches, each with gradient 1 (DJL sums them and
 * scales nothing). The full window steps by the mean, 2 / 2 = 1; the partial window of one
 * micro-batch steps by 1 / 2 under {@code ACCUMULATE} (1/k, PyTorch's usual loop) and by 1 / 1
 * under {@code WINDOW} (the Hugging Face Trainer's normalization by the window's real size).
 */
class DjlPlanLossScaleTest {

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"ACCUMULATE, views, -1.5", "WINDOW, views, -2.0", "ACCUMULATE, engine, -1.5", "WINDOW, engine, -2.0"})
  void thePartialWindowIsDividedAsTheLossScaleSays(LossScale scale, String kind, float expected) {
    BiFunction<String, ai.djl.nn.Block, BlockParameters> bind = kind.equals("views") ? BlockParameters::of : BlockParameters::onEngine;
    try (NDManager manager = NDManager.newBaseManager()) {
      ArraysBlock block = new ArraysBlock(List.of(manager.zeros(new Shape(1))));   // one weight, 0: sum(w) has gradient 1
      Parameter w = block.tensors.get(0);
      TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(2)
          .optimizer(Spec.of("SGD").with("lr", 1.0))
          .group("default", bind.apply("block", block))
          .accumulate(2, scale)
          .build();
      DjlPlan adapter = DjlPlan.of(plan);
      float[] after = new float[3];
      for (int batch = 0; batch < 3; batch++) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          collector.backward(w.getArray().sum());
        }
        adapter.batchDone(block, new Device[] {Device.cpu()});
        try (NDArray grad = w.getArray().getGradient(); NDArray aggregated = grad.duplicate()) {
          adapter.update(w.getId(), w.getArray(), aggregated);
        }
        after[batch] = w.getArray().toFloatArray()[0];
      }
      adapter.epochDone(Map.of());
      assertEquals(0f, after[0], "the first micro-batch only accumulates");
      assertEquals(-1f, after[1], "the full window steps by the mean of its two gradients");
      assertEquals(expected, w.getArray().toFloatArray()[0], "after the partial window at the epoch's end");
    }
  }
}
