package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.loss.Loss;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fastai's {@code train_bn} on DJL blocks through {@link DjlTrainer} on the PyTorch engine: a body
 * frozen with {@code trainNorm(true)} keeps training its BatchNorm (found by module type through
 * {@link ModuleTypes}) while its Linear stays frozen; the engine is told per parameter.
 */
class TrainNormDjlTest extends EngineTest {

  @Test
  void theBatchNormOfAFrozenBodyTrainsAndItsLinearDoesNot() {
    SequentialBlock model = new SequentialBlock()
        .add(new SequentialBlock().add(Linear.builder().setUnits(4).build()).add(BatchNorm.builder().build())
            .add(Activation::relu))
        .add(Linear.builder().setUnits(2).build());
    model.initialize(manager, DataType.FLOAT32, new Shape(8, 3));
    BlockParameters body = BlockParameters.of("body", model.getChildren().valueAt(0));
    BlockParameters head = BlockParameters.of("head", model.getChildren().valueAt(1));
    TrainingPlan plan = TrainingPlan.builder().epochs(2).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("body", body, g -> g.freezeUntilEpoch(1).trainNorm(true))
        .group("head", head)
        .build();
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), plan);

    List<Parameter> norm = new ArrayList<>();
    List<Parameter> linear = new ArrayList<>();
    for (Parameter p : body.parameters()) {
      (p.moduleType().equals("BatchNorm") ? norm : linear).add(p);
    }
    assertEquals(2, norm.size(), "gamma and beta: " + body.parameters());
    assertFalse(linear.isEmpty());
    norm.forEach(p -> assertFalse(plan.isFrozen(p), p.name()));
    norm.forEach(p -> assertTrue(p.requiresGrad(), p.name() + " must require gradients in the engine"));
    linear.forEach(p -> assertTrue(plan.isFrozen(p), p.name()));
    linear.forEach(p -> assertFalse(p.requiresGrad(), p.name()));

    List<float[]> normBefore = values(norm);
    List<float[]> linearBefore = values(linear);
    Random random = new Random(7);
    plan.startEpoch();
    for (int b = 0; b < 3; b++) {
      try (NDManager scope = manager.newSubManager()) {
        float[] x = new float[8 * 3];
        float[] y = new float[8 * 2];
        for (int i = 0; i < x.length; i++) {
          x[i] = 1 + 3 * (float) random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
          y[i] = (float) random.nextGaussian();
        }
        trainer.trainBatch(new NDList(scope.create(x, new Shape(8, 3))), new NDList(scope.create(y, new Shape(8, 2))));
      }
    }
    plan.finishEpochSteps();
    plan.endEpoch();
    List<float[]> normAfter = values(norm);
    for (int i = 0; i < norm.size(); i++) {
      assertFalse(java.util.Arrays.equals(normBefore.get(i), normAfter.get(i)), norm.get(i).name() + " should train");
    }
    List<float[]> linearAfter = values(linear);
    for (int i = 0; i < linear.size(); i++) {
      assertArrayEquals(linearBefore.get(i), linearAfter.get(i), 0f, linear.get(i).name() + " is frozen");
    }
  }

  private static List<float[]> values(List<Parameter> params) {
    List<float[]> out = new ArrayList<>();
    params.forEach(p -> out.add(p.values().toArray()));
    return out;
  }
}
