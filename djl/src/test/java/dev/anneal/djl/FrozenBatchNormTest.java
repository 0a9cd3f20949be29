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
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.loss.Loss;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.BatchNormPolicy;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A frozen group's BatchNorm statistics under each {@link BatchNormPolicy}, trained through
 * {@link DjlTrainer} on the PyTorch engine: held bit for bit under HOLD while frozen (its weights
 * too), moving under TRAIN and once the group thaws.
 */
class FrozenBatchNormTest extends EngineTest {
  private SequentialBlock model;
  private BlockParameters body;
  private BlockParameters head;

  private TrainingPlan plan(BatchNormPolicy policy, int accumulate) {
    return plan(policy, accumulate, false);
  }

  /** A new model and plan; {@code warm}: training-mode forward passes first, so the statistics are not 0 and 1. */
  private TrainingPlan plan(BatchNormPolicy policy, int accumulate, boolean warm) {
    model = new SequentialBlock()
        .add(new SequentialBlock().add(Linear.builder().setUnits(6).build()).add(BatchNorm.builder().build())
            .add(Activation::relu))
        .add(Linear.builder().setUnits(2).build());
    model.initialize(manager, DataType.FLOAT32, new Shape(8, 3));
    if (warm) {
      try (NDManager scope = manager.newSubManager()) {
        float[] x = new float[8 * 3];
        Arrays.fill(x, 5f);
        x[0] = -4f;
        model.forward(new ai.djl.training.ParameterStore(scope, false), new NDList(scope.create(x, new Shape(8, 3))), true);
      }
    }
    Block bodyBlock = model.getChildren().valueAt(0);
    body = BlockParameters.of("body", bodyBlock);
    head = BlockParameters.of("head", model.getChildren().valueAt(1));
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(3).accumulate(accumulate)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("body", body, g -> g.freezeUntilEpoch(2).frozenBatchNorm(policy))
        .group("head", head)
        .build();
  }

  /** One epoch of {@code batches} micro-batches (offset by 1 on the data's mean and scaled, so statistics move). */
  private static void epoch(DjlTrainer trainer, NDManager manager, int batches, long seed) {
    Random random = new Random(seed);
    trainer.plan().startEpoch();
    for (int b = 0; b < batches; b++) {
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
    trainer.plan().finishEpochSteps();
    trainer.plan().endEpoch();
  }

  private static List<float[]> values(List<Buffer> buffers) {
    List<float[]> out = new ArrayList<>();
    for (Buffer b : buffers) {
      b.pull();
      out.add(b.values().toArray());
    }
    return out;
  }

  private static List<float[]> weights(BlockParameters params) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : params.parameters()) {
      out.add(p.values().toArray());
    }
    return out;
  }

  private static boolean same(List<float[]> a, List<float[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return a.size() == b.size();
  }

  @Test
  void holdKeepsAFrozenGroupsStatisticsBitForBitUntilItThaws() {
    TrainingPlan plan = plan(BatchNormPolicy.HOLD, 1);
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), plan);
    assertEquals(BatchNormPolicy.HOLD, plan.frozenBatchNorm("body"));
    List<float[]> statsBefore = values(body.buffers());
    List<float[]> weightsBefore = weights(body);
    List<float[]> headBefore = weights(head);
    epoch(trainer, manager, 3, 1);
    epoch(trainer, manager, 3, 2);
    assertTrue(same(statsBefore, values(body.buffers())), "running statistics of the frozen group moved under HOLD");
    assertTrue(same(weightsBefore, weights(body)), "a frozen group's weights moved");
    assertFalse(same(headBefore, weights(head)), "the head trained");

    epoch(trainer, manager, 3, 3);   // thawed: the statistics follow the data again
    assertFalse(same(statsBefore, values(body.buffers())), "running statistics should move once the group thaws");
  }

  @Test
  void trainLetsAFrozenGroupsStatisticsFollowTheData() {
    TrainingPlan plan = plan(BatchNormPolicy.TRAIN, 1);
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), plan);
    List<float[]> statsBefore = values(body.buffers());
    List<float[]> weightsBefore = weights(body);
    epoch(trainer, manager, 3, 1);
    assertFalse(same(statsBefore, values(body.buffers())), "running statistics should move under TRAIN");
    assertTrue(same(weightsBefore, weights(body)), "a frozen group's weights moved");
  }

  @Test
  void trainIsTheDefault() {
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("all", weight(), g -> g.freezeUntilEpoch(1))
        .build();
    assertEquals(BatchNormPolicy.TRAIN, plan.frozenBatchNorm("all"));
  }

  @Test
  void heldAcrossAccumulatedMicroBatches() {
    TrainingPlan plan = plan(BatchNormPolicy.HOLD, 2);
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), plan);
    List<float[]> statsBefore = values(body.buffers());
    epoch(trainer, manager, 5, 3);   // two full windows and a partial one
    assertTrue(same(statsBefore, values(body.buffers())), "statistics moved between accumulated micro-batches");
  }

  @Test
  void afterALoadTheLoadedStatisticsAreHeld() throws Exception {
    TrainingPlan saved = plan(BatchNormPolicy.HOLD, 1, true);
    DjlTrainer trainer = new DjlTrainer(model, Loss.l2Loss(), saved);
    List<float[]> held = values(body.buffers());
    assertFalse(Arrays.equals(held.get(1), new float[] {1, 1, 1, 1, 1, 1}), "warm-up should have moved the variance");
    epoch(trainer, manager, 2, 4);
    Path file = Files.createTempFile("held", ".ckpt");
    try {
      saved.save(file);
      TrainingPlan fresh = plan(BatchNormPolicy.HOLD, 1);   // a new model: statistics 0 and 1, held as such
      DjlTrainer freshTrainer = new DjlTrainer(model, Loss.l2Loss(), fresh);
      fresh.load(file);
      epoch(freshTrainer, manager, 2, 5);   // epoch 1: still frozen
      assertTrue(same(held, values(body.buffers())), "the loaded statistics should be held, not the ones from before the load");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Parameter weight() {
    return new Parameter("w", new int[] {1}, dev.anneal.param.FloatStorage.wrap(new float[1]));
  }

  @Test
  void holdOnAGroupNeverFrozenIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("g", weight(),
            g -> g.frozenBatchNorm(BatchNormPolicy.HOLD))
        .build());
    assertTrue(e.getMessage().contains("group g sets frozenBatchNorm(HOLD) but is never frozen"), e.getMessage());
  }
}
