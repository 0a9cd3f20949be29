package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.loss.Loss;
import dev.anneal.param.ParameterSource;
import dev.anneal.param.Parameter;
import dev.anneal.plan.StepOutcome;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class DjlTrainerTest extends EngineTest {
  /** Two linear layers, constant-initialized, so that two copies start identical. */
  private SequentialBlock model() {
    SequentialBlock model = new SequentialBlock()
        .add(Linear.builder().setUnits(3).build())
        .add(Linear.builder().setUnits(1).build());
    model.setInitializer(new ConstantInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
    model.initialize(manager, DataType.FLOAT32, new Shape(4, 2));
    return model;
  }

  private static TrainingPlan plan(SequentialBlock model, BiFunction<String, ai.djl.nn.Block, BlockParameters> bind, int frozenEpochs) {
    return TrainingPlan.builder()
        .epochs(2)
        .stepsPerEpoch(5)
        .optimizer(Spec.of("SGD").with("lr", 0.05).with("momentum", 0.9))
        .group("first", bind.apply("first", model.getChildren().valueAt(0)), g -> g.freezeUntilEpoch(frozenEpochs))
        .group("second", bind.apply("second", model.getChildren().valueAt(1)))
        .build();
  }

  /** y = x0 - 2 x1, two epochs of five full-batch steps; returns the final loss. */
  private double train(DjlTrainer trainer) {
    double last = Double.NaN;
    for (int epoch = 0; epoch < 2; epoch++) {
      trainer.plan().startEpoch();
      for (int step = 0; step < 5; step++) {
        try (NDManager batch = manager.newSubManager()) {
          NDList x = new NDList(batch.create(new float[][] {{1, 0}, {0, 1}, {1, 1}, {2, -1}}));
          NDList y = new NDList(batch.create(new float[][] {{1}, {-2}, {-1}, {4}}));
          DjlTrainer.BatchResult result = trainer.trainBatch(x, y);
          assertEquals(StepOutcome.STEPPED, result.outcome());
          last = result.loss();
        }
      }
      trainer.plan().endEpoch();
    }
    return last;
  }

  private static float[] values(ParameterSource source) {
    return source.parameters().stream().map(Parameter::values).map(v -> v.toArray())
        .reduce(new float[0], (a, b) -> {
          float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
          System.arraycopy(b, 0, c, a.length, b.length);
          return c;
        });
  }

  @Test
  void trainsThroughThePlanAndCopiesMatchViews() {
    SequentialBlock viewed = model();
    DjlTrainer viewTrainer = new DjlTrainer(viewed, Loss.l2Loss(), plan(viewed, BlockParameters::of, 0));
    assertTrue(viewTrainer.zeroCopy());
    SequentialBlock copied = model();
    DjlTrainer copyTrainer = new DjlTrainer(copied, Loss.l2Loss(), plan(copied, BlockParameters::copying, 0));
    assertFalse(copyTrainer.zeroCopy());

    double start;
    try (NDManager batch = manager.newSubManager()) {
      start = new DjlTrainer(model(), Loss.l2Loss(), plan(model(), BlockParameters::of, 0))
          .evaluateBatch(new NDList(batch.create(new float[][] {{1, 0}, {0, 1}, {1, 1}, {2, -1}})),
              new NDList(batch.create(new float[][] {{1}, {-2}, {-1}, {4}}))).loss();
    }
    double viewLoss = train(viewTrainer);
    double copyLoss = train(copyTrainer);
    assertTrue(viewLoss < start / 2, "loss went from " + start + " to " + viewLoss);
    assertEquals(viewLoss, copyLoss, 1e-7);
    assertArrayEquals(viewed.getParameters().valueAt(0).getArray().toFloatArray(),
        copied.getParameters().valueAt(0).getArray().toFloatArray());
  }

  @Test
  void frozenGroupStaysInTheEngineUntilItsEpoch() {
    SequentialBlock model = model();
    TrainingPlan plan = plan(model, BlockParameters::of, 1);
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), plan);
    ParameterSource first = plan.group("first")::params;
    float[] before = values(first);

    plan.startEpoch();
    assertFalse(model.getChildren().valueAt(0).getParameters().valueAt(0).requiresGradient(), "frozen in DJL too");
    try (NDManager batch = manager.newSubManager()) {
      trainer.trainBatch(new NDList(batch.create(new float[][] {{1, 2}})), new NDList(batch.create(new float[][] {{3}})));
    }
    assertArrayEquals(before, values(first), "a frozen group does not move");
    plan.endEpoch();

    plan.startEpoch();
    assertTrue(model.getChildren().valueAt(0).getParameters().valueAt(0).requiresGradient());
    try (NDManager batch = manager.newSubManager()) {
      trainer.trainBatch(new NDList(batch.create(new float[][] {{1, 2}})), new NDList(batch.create(new float[][] {{3}})));
    }
    assertFalse(java.util.Arrays.equals(before, values(first)), "unfrozen, it trains");
  }

  @Test
  void aPlanWithoutDjlParametersIsRefused() {
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("w", Parameter.of("w", 1f)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DjlTrainer(model(), Loss.l2Loss(), plan));
    assertTrue(e.getMessage().contains("BlockParameters.of"), e.getMessage());
  }
}
