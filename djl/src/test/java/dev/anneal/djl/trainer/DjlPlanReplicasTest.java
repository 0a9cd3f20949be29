package dev.anneal.djl.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import dev.anneal.djl.BlockParameters;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several devices as DJL's multi-device Trainer drives an optimizer: every replica back-propagates
 * its share of the batch, DJL sums the replicas' gradients into replica 0's and calls
 * {@code update(id, weight, grad)} once per parameter and replica. The replicas must end each step
 * identical, and equal to one replica trained on the whole batch (Adam, so one step count and one
 * set of bias corrections, and the mean of the gradients as DistributedDataParallel takes it).
 */
class DjlPlanReplicasTest {
  private static final int ROWS = 8;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Linear layer() {
    Engine.getInstance().setRandomSeed(3);
    Linear linear = Linear.builder().setUnits(2).build();
    linear.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
    linear.initialize(manager, DataType.FLOAT32, new Shape(ROWS, 3));
    return linear;
  }

  private TrainingPlan plan(Linear layer, BiFunction<String, ai.djl.nn.Block, BlockParameters> bind) {
    return TrainingPlan.builder().epochs(1).stepsPerEpoch(3)
        .optimizer(Spec.of("Adam").with("lr", 0.1))
        .group("layer", bind.apply("layer", layer))
        .build();
  }

  private NDArray x(int from, int to) {
    float[] v = new float[(to - from) * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(1.7 * (from * 3 + i) + 0.3);
    }
    return manager.create(v, new Shape(to - from, 3));
  }

  private NDArray y(int from, int to) {
    float[] v = new float[(to - from) * 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.cos(0.9 * (from * 2 + i));
    }
    return manager.create(v, new Shape(to - from, 2));
  }

  /** Mean squared error of {@code x W^T + b} against {@code y}, back-propagated into weight and bias. */
  private void backward(NDArray weight, NDArray bias, int from, int to) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray out = x(from, to).matMul(weight.transpose()).add(bias);
      collector.backward(out.sub(y(from, to)).square().mean());
    }
  }

  /** What DJL's LocalParameterServer does per parameter: sum replica gradients into replica 0's, then update each replica. */
  private static void serverUpdate(DjlPlan plan, String id, List<NDArray> replicaWeights) {
    NDArray[] grads = replicaWeights.stream().map(NDArray::getGradient).toArray(NDArray[]::new);
    for (int i = 1; i < grads.length; i++) {
      grads[0].addi(grads[i]);
    }
    try (NDArray aggregated = grads[0].duplicate()) {
      for (NDArray weight : replicaWeights) {
        plan.update(id, weight, aggregated);
      }
    }
    for (NDArray g : grads) {
      g.close();
    }
  }

  private static NDArray replicaOf(NDArray array) {
    NDArray copy = array.duplicate();
    copy.setRequiresGradient(true);
    return copy;
  }

  @Test
  void twoReplicasStayIdenticalAndMatchOneReplicaOnTheWholeBatch() {
    for (BiFunction<String, ai.djl.nn.Block, BlockParameters> bind : List.<BiFunction<String, ai.djl.nn.Block, BlockParameters>>of(
        BlockParameters::of, BlockParameters::onEngine)) {
      Linear twin = layer();
      Linear single = layer();
      DjlPlan two = DjlPlan.of(plan(twin, bind));
      DjlPlan one = DjlPlan.of(plan(single, bind));
      ai.djl.nn.ParameterList twinParams = twin.getParameters();
      NDArray w0 = twinParams.get(0).getValue().getArray();
      NDArray b0 = twinParams.get(1).getValue().getArray();
      NDArray w1 = replicaOf(w0);
      NDArray b1 = replicaOf(b0);
      NDArray sw = single.getParameters().get(0).getValue().getArray();
      NDArray sb = single.getParameters().get(1).getValue().getArray();
      for (int step = 0; step < 3; step++) {
        backward(w0, b0, 0, ROWS / 2);
        backward(w1, b1, ROWS / 2, ROWS);
        two.batchDone(twin, new Device[] {Device.cpu(), Device.cpu()});
        serverUpdate(two, twinParams.get(1).getValue().getId(), List.of(b0, b1));
        serverUpdate(two, twinParams.get(0).getValue().getId(), List.of(w0, w1));

        backward(sw, sb, 0, ROWS);
        one.batchDone(single, new Device[] {Device.cpu()});
        serverUpdate(one, single.getParameters().get(0).getValue().getId(), List.of(sw));
        serverUpdate(one, single.getParameters().get(1).getValue().getId(), List.of(sb));

        assertArrayEquals(w0.toFloatArray(), w1.toFloatArray(), "replica weights after step " + (step + 1));
        assertArrayEquals(b0.toFloatArray(), b1.toFloatArray(), "replica biases after step " + (step + 1));
        float[] want = sw.toFloatArray();
        float[] got = w0.toFloatArray();
        for (int i = 0; i < want.length; i++) {
          assertEquals(want[i], got[i], 2e-6 + 1e-5 * Math.abs(want[i]), "weight " + i + " after step " + (step + 1));
        }
      }
      assertEquals(3, two.plan().clock().step(), "one optimizer step per training step, whatever the replicas");
      assertEquals(Map.of("step", 3.0), Map.of("step", two.plan().optimizer().stateDict().state().values().iterator().next()
          .scalars().get("step")));
    }
  }

  @Test
  void aParameterReachableThroughTwoGroupsIsRefused() {
    ai.djl.nn.SequentialBlock model = new ai.djl.nn.SequentialBlock().add(Linear.builder().setUnits(2).build());
    model.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("model", BlockParameters.of("model", model))
        .group("head", BlockParameters.of("head", model.getChildren().valueAt(0)))
        .build());
    assertTrue(e.getMessage().contains("group model and group head"), e.getMessage());
    assertTrue(e.getMessage().contains("model.0.weight") && e.getMessage().contains("head.weight"), e.getMessage());
  }

  @Test
  void anUpdateWithoutTheListenerIsRefused() {
    Linear layer = layer();
    DjlPlan plan = DjlPlan.of(plan(layer, BlockParameters::of));
    NDArray w = layer.getParameters().get(0).getValue().getArray();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> plan.update(layer.getParameters().get(0).getValue().getId(), w, w));
    assertTrue(e.getMessage().contains("addTrainingListeners"), e.getMessage());
  }

  @Test
  void copiesSteppedWithoutAPullAreRefused() {
    Linear layer = layer();
    TrainingPlan plan = plan(layer, BlockParameters::copying);
    NDArray w = layer.getParameters().get(0).getValue().getArray();
    NDArray b = layer.getParameters().get(1).getValue().getArray();
    plan.startEpoch();
    backward(w, b, 0, ROWS);
    IllegalStateException e = assertThrows(IllegalStateException.class, plan::afterBackward);
    assertTrue(e.getMessage().contains("not pulled"), e.getMessage());
  }
}
