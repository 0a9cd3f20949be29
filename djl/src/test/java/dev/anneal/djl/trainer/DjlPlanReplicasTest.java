package dev.anneal.djl.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
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

  /** Two layers, {@code stem} (3 to 4) frozen for the first epoch and {@code head} (4 to 2), Adam. */
  private SequentialBlock twoLayers() {
    Engine.getInstance().setRandomSeed(5);
    SequentialBlock model = new SequentialBlock()
        .add(Linear.builder().setUnits(4).build())
        .add(Linear.builder().setUnits(2).build());
    model.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
    model.initialize(manager, DataType.FLOAT32, new Shape(ROWS, 3));
    return model;
  }

  private static TrainingPlan stemFrozenForOneEpoch(SequentialBlock model,
      BiFunction<String, ai.djl.nn.Block, BlockParameters> bind) {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(2)
        .optimizer(Spec.of("Adam").with("lr", 0.1))
        .group("stem", bind.apply("stem", model.getChildren().valueAt(0)), g -> g.freezeUntilEpoch(1))
        .group("head", bind.apply("head", model.getChildren().valueAt(1)))
        .build();
  }

  /** One replica's arrays, in the model's parameter order: stem weight and bias, head weight and bias. */
  private static List<NDArray> arrays(SequentialBlock model) {
    List<NDArray> arrays = new ArrayList<>();
    for (Pair<String, Parameter> p : model.getParameters()) {
      arrays.add(p.getValue().getArray());
    }
    return arrays;
  }

  /** Mean squared error of the two layers on rows {@code [from, to)}, back-propagated into whatever requires a gradient. */
  private void backwardTwoLayers(List<NDArray> a, int from, int to) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray hidden = x(from, to).matMul(a.get(0).transpose()).add(a.get(1));
      NDArray out = hidden.matMul(a.get(2).transpose()).add(a.get(3));
      collector.backward(out.sub(y(from, to)).square().mean());
    }
  }

  /**
   * DJL's {@code ParameterStore.updateAllParameters}: the server's update for each parameter whose
   * DJL flag requires a gradient (read from the parameter, not from its replicas).
   */
  private static void trainerStep(DjlPlan plan, SequentialBlock model, List<List<NDArray>> replicas) {
    int i = 0;
    for (Pair<String, Parameter> p : model.getParameters()) {
      int index = i++;
      if (p.getValue().requiresGradient()) {
        serverUpdate(plan, p.getValue().getId(), replicas.stream().map(r -> r.get(index)).toList());
      }
    }
  }

  /**
   * DJL makes its replicas at {@code trainer.initialize}, before the plan (built at the first batch)
   * freezes anything, and they keep the requires-gradient flag they were made with. A group frozen
   * for the first epoch must not thaw with the gradients its replicas gathered meanwhile: the
   * weights match one replica on the whole batch after the thaw as before it.
   */
  @Test
  void aGroupFrozenForAnEpochThawsWithoutTheGradientsItsReplicasGatheredMeanwhile() {
    for (BiFunction<String, ai.djl.nn.Block, BlockParameters> bind : List.<BiFunction<String, ai.djl.nn.Block, BlockParameters>>of(
        BlockParameters::of, BlockParameters::onEngine)) {
      SequentialBlock twin = twoLayers();
      SequentialBlock single = twoLayers();
      List<NDArray> replica0 = arrays(twin);
      List<NDArray> replica1 = replica0.stream().map(DjlPlanReplicasTest::replicaOf).toList();
      DjlPlan two = DjlPlan.of(() -> stemFrozenForOneEpoch(twin, bind));
      DjlPlan one = DjlPlan.of(() -> stemFrozenForOneEpoch(single, bind));
      List<NDArray> alone = arrays(single);
      for (int epoch = 0; epoch < 2; epoch++) {
        for (int batch = 0; batch < 2; batch++) {
          backwardTwoLayers(replica0, 0, ROWS / 2);
          backwardTwoLayers(replica1, ROWS / 2, ROWS);
          two.batchDone(twin, new Device[] {Device.cpu(), Device.cpu()});
          trainerStep(two, twin, List.of(replica0, replica1));

          backwardTwoLayers(alone, 0, ROWS);
          one.batchDone(single, new Device[] {Device.cpu()});
          trainerStep(one, single, List.of(alone));

          String when = "epoch " + epoch + ", batch " + batch;
          for (int p = 0; p < 4; p++) {
            assertArrayEquals(replica0.get(p).toFloatArray(), replica1.get(p).toFloatArray(), "replicas of parameter " + p + ", " + when);
            float[] want = alone.get(p).toFloatArray();
            float[] got = replica0.get(p).toFloatArray();
            for (int i = 0; i < want.length; i++) {
              assertEquals(want[i], got[i], 2e-6 + 1e-5 * Math.abs(want[i]), "parameter " + p + " value " + i + ", " + when);
            }
          }
        }
        two.epochDone(Map.of());
        one.epochDone(Map.of());
      }
      assertEquals(4, two.plan().clock().step());
    }
  }

  @Test
  void onSeveralDevicesAFrozenParameterKeepsDjlsFlagOnAndTrainsNot() {
    SequentialBlock model = twoLayers();
    List<NDArray> replica0 = arrays(model);
    List<NDArray> replica1 = replica0.stream().map(DjlPlanReplicasTest::replicaOf).toList();
    float[] stemBefore = replica0.get(0).toFloatArray();
    DjlPlan plan = DjlPlan.of(() -> stemFrozenForOneEpoch(model, BlockParameters::of));
    backwardTwoLayers(replica0, 0, ROWS / 2);
    backwardTwoLayers(replica1, ROWS / 2, ROWS);
    plan.batchDone(model, new Device[] {Device.cpu(), Device.cpu()});
    Parameter stemWeight = model.getChildren().valueAt(0).getParameters().get(0).getValue();
    assertTrue(stemWeight.requiresGradient(), "DJL's flag stays on, as its copies' flags do");
    assertFalse(plan.plan().parameters().get(0).requiresGrad(), "the plan holds the stem frozen");
    trainerStep(plan, model, List.of(replica0, replica1));
    assertArrayEquals(stemBefore, replica0.get(0).toFloatArray(), "a frozen parameter is not updated");
    assertArrayEquals(new float[12], replica1.get(0).getGradient().toFloatArray(), "its copy's gradient is cleared every step");
  }

  @Test
  void onSeveralDevicesAParameterDjlCopiedWithoutAGradientIsRefused() {
    SequentialBlock model = twoLayers();
    model.getChildren().valueAt(0).freezeParameters(true);   // frozen in DJL when trainer.initialize made the copies
    DjlPlan atFirstBatch = DjlPlan.of(() -> stemFrozenForOneEpoch(model, BlockParameters::of));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> atFirstBatch.batchDone(model, new Device[] {Device.cpu(), Device.cpu()}));
    assertTrue(e.getMessage().contains("parameter stem.weight did not require a gradient when DJL's trainer.initialize "
        + "copied it to the trainer's 2 devices"), e.getMessage());
  }

  @Test
  void onSeveralDevicesAPlanThatFrozeAParameterBeforeTheTrainerCopiedItIsRefused() {
    SequentialBlock model = twoLayers();
    DjlPlan builtBefore = DjlPlan.of(stemFrozenForOneEpoch(model, BlockParameters::of));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builtBefore.batchDone(model, new Device[] {Device.cpu(), Device.cpu()}));
    assertTrue(e.getMessage().contains("parameter stem.weight is frozen") && e.getMessage().contains("DjlPlan.of(() -> ...)"),
        e.getMessage());

    SequentialBlock alone = twoLayers();
    DjlPlan oneDevice = DjlPlan.of(stemFrozenForOneEpoch(alone, BlockParameters::of));
    backwardTwoLayers(arrays(alone), 0, ROWS);
    oneDevice.batchDone(alone, new Device[] {Device.cpu()});   // one device: no copies, the same plan is taken
    trainerStep(oneDevice, alone, List.of(arrays(alone)));
    assertEquals(1, oneDevice.plan().clock().step());
    assertFalse(alone.getChildren().valueAt(0).getParameters().get(0).getValue().requiresGradient(),
        "on one device freezing still switches DJL's flag, so the engine computes no gradient for the frozen stem");
  }

  @Test
  void aParameterReachableThroughTwoGroupsIsRefused() {
    SequentialBlock model = new SequentialBlock().add(Linear.builder().setUnits(2).build());
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
