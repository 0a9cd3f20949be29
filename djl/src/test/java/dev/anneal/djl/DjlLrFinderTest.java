package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.anneal.lrfind.LrFinder;
import dev.anneal.lrfind.LrFinderResult;
import dev.anneal.optim.OptimizerState;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlLrFinderTest extends EngineTest {
  private SequentialBlock model() {
    SequentialBlock model = new SequentialBlock()
        .add(Linear.builder().setUnits(4).build())
        .add(BatchNorm.builder().build())
        .add(Linear.builder().setUnits(1).build());
    model.setInitializer(new ConstantInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
    model.initialize(manager, DataType.FLOAT32, new Shape(4, 2));
    return model;
  }

  /** Every array of the block, buffers included, by its path, as raw bits. */
  private static Map<String, List<Integer>> arrays(SequentialBlock model) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    for (Pair<String, ai.djl.nn.Parameter> p : model.getParameters()) {
      List<Integer> bits = new ArrayList<>();
      for (float v : p.getValue().getArray().toFloatArray()) {
        bits.add(Float.floatToRawIntBits(v));
      }
      out.put(p.getKey(), bits);
    }
    return out;
  }

  @Test
  void aRangeTestOnADjlModelLeavesParametersBatchNormStatisticsAndOptimizerStateAsTheyWere() throws Exception {
    SequentialBlock model = model();
    BlockParameters params = BlockParameters.of("net", model);
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(4)
        .optimizer(Spec.of("AdamW").with("lr", 1e-3)).group("net", params).build();
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), plan);
    float[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, -1}};
    float[][] y = {{1}, {-2}, {-1}, {4}};
    // A real step first, so there is optimizer state and moved BatchNorm statistics to keep.
    plan.startEpoch();
    try (NDManager batch = manager.newSubManager()) {
      trainer.trainBatch(new NDList(batch.create(x)), new NDList(batch.create(y)));
    }
    Map<String, List<Integer>> before = arrays(model);
    assertTrue(before.keySet().stream().anyMatch(k -> k.contains("runningMean")), before.keySet().toString());
    OptimizerState state = plan.optimizer().stateDict();

    LrFinderResult result = LrFinder.of(plan).range(1e-5, 10).steps(20).restoring(BlockSnapshot.of(model))
        .run((epoch, b, scale) -> {
          try (NDManager batch = manager.newSubManager()) {
            float[][] shifted = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
              shifted[i] = new float[] {x[i][0] + 0.1f * b, x[i][1]};
            }
            return trainer.trainBatch(new NDList(batch.create(shifted)), new NDList(batch.create(y))).loss();
          }
        });

    assertTrue(result.steps() > 3, String.valueOf(result.stopReason()));
    assertEquals(before, arrays(model), "weights and BatchNorm running statistics, bit for bit");
    OptimizerState after = plan.optimizer().stateDict();
    assertEquals(state.state().keySet(), after.state().keySet());
    state.state().forEach((name, s) -> s.tensors().forEach((key, v) -> assertArrayEquals(v, after.state().get(name).tensors().get(key),
        0f, name + "/" + key)));
    assertEquals(1, plan.clock().step(), "the clock is back at one step");
    for (DjlParameter p : params.bound()) {
      p.checkBound();   // the views still see the engine's arrays
    }
  }
}
