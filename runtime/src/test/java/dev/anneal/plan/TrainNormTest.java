package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainNorm} (fastai's {@code train_bn}): a group frozen with it keeps training its
 * normalization-layer parameters, with the group's own lr and weight decay, while the rest of it
 * is frozen; without it the whole group freezes, as PyTorch's {@code requires_grad_(False)} does.
 */
class TrainNormTest {
  @TempDir Path dir;

  /** A body {@code Sequential(Linear, BatchNorm1d)} and a head, as fastai's cnn_learner splits it. */
  static final class Model {
    final Layer body = new Layer("0");
    final Parameter linear = body.add(Parameter.zeros("0.0.weight", 2).moduleType("Linear"));
    final Parameter bnWeight = body.add(Parameter.zeros("0.1.weight", 1).moduleType("BatchNorm1d"));
    final Parameter bnBias = body.add(Parameter.zeros("0.1.bias", 1).moduleType("BatchNorm1d"));
    final Layer head = new Layer("1");
    final Parameter headWeight = head.add("weight", 2);

    Model() {
      for (Parameter p : all()) {
        p.values().fill(1f);
      }
    }

    List<Parameter> all() {
      return List.of(linear, bnWeight, bnBias, headWeight);
    }
  }

  private static TrainingPlan plan(Model m, boolean trainNorm) {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(2)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("momentum", 0.9).with("weight_decay", 0.5))
        .group("body", m.body, g -> g.lr(0.01).freezeUntilEpoch(1).trainNorm(trainNorm))
        .group("head", m.head)
        .build();
  }

  /** Gives every parameter the gradient 1 (a frozen one too, which the plan must drop) and steps. */
  private static void step(TrainingPlan plan, Model m) {
    for (Parameter p : m.all()) {
      p.gradOrZeros().fill(1f);
    }
    plan.afterBackward();
  }

  @Test
  void normLayersOfAFrozenGroupTrainWithTheGroupsHyperparameters() {
    Model m = new Model();
    TrainingPlan plan = plan(m, true);
    assertTrue(plan.isFrozen("body"), "the group is frozen");
    assertTrue(plan.trainsNormWhileFrozen("body"));
    assertFalse(plan.trainsNormWhileFrozen("head"));
    assertTrue(plan.isFrozen(m.linear));
    assertFalse(plan.isFrozen(m.bnWeight));
    assertFalse(plan.isFrozen(m.bnBias));
    assertFalse(plan.isFrozen(m.headWeight));
    assertFalse(m.linear.requiresGrad());
    assertTrue(m.bnWeight.requiresGrad());

    plan.startEpoch();
    step(plan, m);
    assertEquals(1f, m.linear.values().get(0), "the frozen Linear does not move");
    // SGD with the body's lr 0.01 and weight decay 0.5: 1 - 0.01 * (1 + 0.5 * 1); no momentum yet
    assertEquals(1f - 0.01f * 1.5f, m.bnWeight.values().get(0), 1e-7f);
    assertEquals(1f - 0.01f * 1.5f, m.bnBias.values().get(0), 1e-7f);
    assertEquals(1f - 0.1f * 1.5f, m.headWeight.values().get(0), 1e-7f);
    step(plan, m);
    plan.endEpoch();

    plan.startEpoch();
    assertFalse(plan.isFrozen("body"));
    assertFalse(plan.isFrozen(m.linear));
    assertTrue(m.linear.requiresGrad());
    step(plan, m);
    assertEquals(1f - 0.01f * 1.5f, m.linear.values().get(0), 1e-7f, "thawed, its first step");
  }

  @Test
  void withoutTrainNormTheWholeGroupFreezesAsPyTorchDoes() {
    Model m = new Model();
    TrainingPlan plan = plan(m, false);
    assertTrue(plan.isFrozen(m.bnWeight));
    assertFalse(m.bnWeight.requiresGrad());
    assertFalse(plan.trainsNormWhileFrozen("body"));
    plan.startEpoch();
    step(plan, m);
    assertEquals(1f, m.bnWeight.values().get(0));
    assertEquals(1f, m.linear.values().get(0));
  }

  @Test
  void aParameterOutsideThePlanIsRefused() {
    TrainingPlan plan = plan(new Model(), true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan.isFrozen(Parameter.zeros("stray", 1)));
    assertTrue(e.getMessage().contains("stray is in no group"), e.getMessage());
  }

  @Test
  void trainNormWithoutAFreezeIsRefused() {
    Model m = new Model();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder()
        .epochs(2).optimizer(Spec.of("SGD").with("lr", 0.1)).group("body", m.body, g -> g.trainNorm(true)).build());
    assertTrue(e.getMessage().contains("group body sets trainNorm(true) but is never frozen"), e.getMessage());
  }

  @Test
  void trainNormWithHeldStatisticsIsRefused() {
    Model m = new Model();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder()
        .epochs(2).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("body", m.body, g -> g.freezeUntilEpoch(1).trainNorm(true).frozenBatchNorm(BatchNormPolicy.HOLD)).build());
    assertTrue(e.getMessage().contains("trainNorm(true) with frozenBatchNorm(HOLD)"), e.getMessage());
  }

  @Test
  void trainNormOnAGroupWithoutNormLayersIsRefused() {
    Model m = new Model();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder()
        .epochs(2).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("head", m.head, g -> g.freezeUntilEpoch(1).trainNorm(true)).build());
    assertTrue(e.getMessage().contains("group head sets trainNorm(true) but none of its parameters is a normalization"),
        e.getMessage());
  }

  @Test
  void thePreviewShowsTheNormLayersOfAFrozenGroupTraining() throws Exception {
    dev.anneal.preview.PlanTrace trace = dev.anneal.preview.PlanPreview.of(plan(new Model(), true)).run();
    List<String> rows = trace.table().lines().skip(1).toList();
    assertTrue(rows.get(1).contains("frozen, norm 1.0000e-02"), trace.table());      // epoch 0: the body frozen, its BatchNorm at lr 0.01
    assertFalse(rows.get(rows.size() - 1).contains("frozen"), trace.table());  // epoch 1: unfrozen
    dev.anneal.preview.PlanTrace whole = dev.anneal.preview.PlanPreview.of(plan(new Model(), false)).run();
    assertFalse(whole.table().contains("norm"), whole.table());
    assertTrue(whole.steps().get(0).frozen(0) && !whole.steps().get(0).normTrains(0));
  }

  @Test
  void theDeclarationRecordsTrainNorm() {
    TrainingPlan plan = plan(new Model(), true);
    assertTrue(plan.declaration().toString().contains("train_norm=true"), plan.declaration().toString());
    assertFalse(plan(new Model(), false).declaration().toString().contains("train_norm"));
  }

  @Test
  void resumingInTheFrozenEpochIsExact() throws Exception {
    Model full = new Model();
    TrainingPlan fullPlan = plan(full, true);
    runFrom(fullPlan, full, -1);

    Model first = new Model();
    TrainingPlan firstPlan = plan(first, true);
    runFrom(firstPlan, first, 1); // stops after the first step of the frozen epoch
    Path file = dir.resolve("train-norm.ckpt");
    firstPlan.save(file);

    Model second = new Model();
    TrainingPlan secondPlan = plan(second, true);
    secondPlan.load(file);
    assertTrue(secondPlan.isFrozen(second.linear));
    assertFalse(secondPlan.isFrozen(second.bnWeight));
    assertTrue(second.bnWeight.requiresGrad());
    assertFalse(second.linear.requiresGrad());
    runFrom(secondPlan, second, -1);
    for (int i = 0; i < full.all().size(); i++) {
      float[] expected = new float[full.all().get(i).size()];
      float[] actual = new float[expected.length];
      full.all().get(i).values().copyTo(expected);
      second.all().get(i).values().copyTo(actual);
      assertArrayEquals(expected, actual, 0f, full.all().get(i).name());
    }
    List<Float> moved = new ArrayList<>();
    full.all().forEach(p -> moved.add(p.values().get(0)));
    assertFalse(moved.contains(1f), "every parameter trained at some point: " + moved);
  }

  /** Runs to the end, or stops after {@code stopAfterSteps} optimizer steps (negative: never). */
  private static void runFrom(TrainingPlan plan, Model m, int stopAfterSteps) {
    while (!plan.finished()) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      while (plan.clock().batchInEpoch() < 2) {
        step(plan, m);
        if (plan.clock().step() == stopAfterSteps) {
          return;
        }
      }
      plan.endEpoch();
    }
  }
}
