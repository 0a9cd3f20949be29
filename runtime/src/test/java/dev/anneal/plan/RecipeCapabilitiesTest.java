package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.preview.PlanPreview;
import dev.anneal.spec.Spec;
import dev.anneal.swa.AveragedRun;
import dev.anneal.swa.ModelEma;
import dev.anneal.swa.ModelSwa;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What detectron2's and torchvision's recipes need of the runtime: norm layers selected by module
 * type, biases by their own name, a split's lr factor, and the plan's own EMA with torchvision's
 * cadence, adjusted decay and warmup copies, checkpointed.
 */
class RecipeCapabilitiesTest {
  @TempDir Path dir;

  private static Layer resnet() {
    Layer model = new Layer("model");
    Layer conv = new Layer("conv1", "Conv2d");
    Layer bn = new Layer("bn1", "BatchNorm2d");
    Layer fc = new Layer("fc", "Linear");
    conv.add("weight", 2, 1, 1, 1);
    bn.add("weight", 2);
    bn.add("bias", 2);
    fc.add("weight", 2, 2);
    fc.add("bias", 2);
    for (Layer l : List.of(conv, bn, fc)) {
      l.parameters().forEach(model::add);
    }
    return model;
  }

  private static Map<String, String> groupOf(TrainingPlan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ParamGroup g : plan.groups()) {
      g.params().forEach(p -> out.put(p.name(), g.name()));
    }
    return out;
  }

  @Test
  void normLayersAreChosenByModuleTypeNotByShape() {
    TrainingPlan plan = TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("SGD").with("lr", 0.1).with("weight_decay", 1e-4))
        .group("model", resnet(), g -> g.noDecay(ParamRule.normLayers()))
        .build();
    // torchvision's norm_weight_decay: the classifier's 1-D bias keeps its decay (ONE_DIMENSIONAL would drop it)
    assertEquals(Map.of("conv1.weight", "model", "bn1.weight", "model.no_decay", "bn1.bias", "model.no_decay",
        "fc.weight", "model", "fc.bias", "model"), groupOf(plan));
    assertEquals(0.0, plan.group("model.no_decay").getDouble(ParamGroup.WEIGHT_DECAY));
    assertEquals("BatchNorm2d", plan.group("model.no_decay").params().get(0).moduleType());
  }

  @Test
  void biasIsTheParametersOwnName() {
    ParamRule bias = ParamRule.bias();
    assertTrue(bias.matches(Parameter.zeros("fc.bias", 2)));
    assertTrue(bias.matches(Parameter.zeros("bias", 2)));
    assertFalse(bias.matches(Parameter.zeros("fc.bias_scale", 2)));
    assertFalse(bias.matches(Parameter.zeros("fc.nobias", 2)));
    assertTrue(ParamRule.moduleTypes("Linear").matches(Parameter.zeros("x", 1).moduleType("Linear")));
    assertFalse(ParamRule.normLayers().matches(Parameter.zeros("bn.weight", 2)));   // no module type: unknown, not a norm
  }

  @Test
  void aSplitsLrFactorScalesItsGroupsLrAndBiasWinsOverNormWhenFirst() {
    TrainingPlan plan = TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("SGD").with("lr", 0.02).with("weight_decay", 1e-4))
        .group("model", resnet(), g -> g
            .split("bias", ParamRule.bias(), s -> s.lrFactor(2.0).weightDecay(0.0))
            .split("norm", ParamRule.normLayers(), s -> s.weightDecay(0.0)))
        .group("head", Parameter.zeros("other.bias", 1).moduleType("Linear"), g -> g.lr(0.5)
            .split("bias", ParamRule.bias(), s -> s.lrFactor(3.0)))
        .build();
    assertEquals(Map.of("conv1.weight", "model", "bn1.weight", "model.norm", "bn1.bias", "model.bias",
        "fc.weight", "model", "fc.bias", "model.bias", "other.bias", "head.bias"), groupOf(plan));
    assertEquals(0.04, plan.group("model.bias").getDouble(ParamGroup.LR));
    assertEquals(0.02, plan.group("model.norm").getDouble(ParamGroup.LR));
    assertEquals(1.5, plan.group("head.bias").getDouble(ParamGroup.LR));
    assertEquals(1e-4, plan.group("head.bias").getDouble(ParamGroup.WEIGHT_DECAY));
  }

  @Test
  void lrFactorOutsideASplitIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(1)
        .optimizer(Spec.of("SGD").with("lr", 0.02)).group("model", resnet(), g -> g.lrFactor(2.0)).build());
    assertTrue(e.getMessage().contains("group model sets lrFactor(2.0)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().group("m", resnet(), g -> g.lrFactor(0.0)));
  }

  @Test
  void torchvisionsAdjustedDecay() {
    // alpha = (1 - 0.99998) * 1024 * 32 / 600 = 0.0010922..., decay = 1 - alpha
    assertEquals(1 - (1 - 0.99998) * (1024.0 * 32 / 600), ModelEma.decay(0.99998).everySteps(32).adjustedForBatch(1024).effectiveDecay(600),
        1e-15);
    assertEquals(0.0, ModelEma.decay(0.9).adjustedForBatch(100).effectiveDecay(1));   // alpha capped at 1
    assertEquals(0.99998, ModelEma.decay(0.99998).everySteps(32).effectiveDecay(600));
    assertThrows(IllegalArgumentException.class, () -> ModelEma.decay(1.5));
    assertThrows(IllegalArgumentException.class, () -> ModelEma.decay(0.9).everySteps(0));
    assertThrows(IllegalArgumentException.class, () -> ModelEma.decay(0.9).adjustedForBatch(0));
    IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> emaPlan(Parameter.of("w", 1f), 3));
    assertTrue(past.getMessage().contains("copyDuringEpochs(3) is past the training's 2 epochs"), past.getMessage());
  }

  private static TrainingPlan emaPlan(Parameter w, int copyEpochs) {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(4)
        .optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", w)
        .ema(ModelEma.decay(0.5).everySteps(2).copyDuringEpochs(copyEpochs))
        .build();
  }

  /** Gradient 1 each step with lr 1: the weight after step s (1-based) is its start minus s. */
  private static List<Float> run(TrainingPlan plan, Parameter w, int steps) {
    return AveragedRun.averages(plan, w, steps);
  }

  @Test
  void emaUpdatesOnItsCadenceAndCopiesDuringTheWarmupEpochs() {
    Parameter w = Parameter.of("w", 10f);
    TrainingPlan plan = emaPlan(w, 1);
    // epoch 0 (copy): updates after steps 0 and 2 (in epoch) copy 9, then 7; epoch 1: step 0 copies 5 (n_averaged was reset),
    // step 2 averages 0.5 * 5 + 0.5 * 3 = 4
    assertEquals(List.of(9f, 9f, 7f, 7f, 5f, 5f, 4f, 4f), run(plan, w, 8));
  }

  @Test
  void emaSurvivesACheckpointAndAPreview() throws Exception {
    Parameter w = Parameter.of("w", 10f);
    TrainingPlan plan = emaPlan(w, 0);
    run(plan, w, 3);
    Path file = dir.resolve("plan.ckpt");
    plan.save(file);
    WeightAverage average = plan.averagedModel().orElseThrow();
    float[] before = average.averaged("w");
    PlanPreview.of(plan).run();
    assertArrayEquals(before, average.averaged("w"), "a preview leaves the average as it was");
    List<Float> straight = run(plan, w, 5);

    Parameter w2 = Parameter.of("w", 0f);
    TrainingPlan resumed = emaPlan(w2, 0);
    resumed.load(file);
    assertEquals(List.copyOf(straight), run(resumed, w2, 5));

    TrainingPlan otherEma = TrainingPlan.builder().epochs(2).stepsPerEpoch(4).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", Parameter.of("w", 0f)).ema(ModelEma.decay(0.5).everySteps(3)).build();
    assertThrows(CheckpointException.class, () -> otherEma.load(file));
  }

  @Test
  void swaAveragesTheEpochEndsFromItsEpochAndIsCheckpointed() throws Exception {
    Parameter w = Parameter.of("w", 10f);
    TrainingPlan plan = TrainingPlan.builder().epochs(4).stepsPerEpoch(2)
        .optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", w)
        .swa(ModelSwa.fromEpoch(1))
        .build();
    List<Float> averages = new ArrayList<>();
    for (int epoch = 0; epoch < 4; epoch++) {
      plan.startEpoch();
      for (int b = 0; b < 2; b++) {
        w.setGrad(FloatStorage.wrap(new float[] {1f}));
        plan.afterBackward();
      }
      plan.endEpoch();
      averages.add(plan.averagedModel().orElseThrow().averaged("w")[0]);
      if (epoch == 1) {
        plan.save(dir.resolve("swa.ckpt"));
      }
    }
    // weights at the epoch ends: 8, 6, 4, 2; the average starts at epoch 1's end: 6, then (6 + 4) / 2, then (6 + 4 + 2) / 3
    assertEquals(List.of(10f, 6f, 5f, 4f), averages);
    Parameter w2 = Parameter.of("w", 0f);
    TrainingPlan resumed = TrainingPlan.builder().epochs(4).stepsPerEpoch(2).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", w2).swa(ModelSwa.fromEpoch(1)).build();
    resumed.load(dir.resolve("swa.ckpt"));
    assertEquals(6f, resumed.averagedModel().orElseThrow().averaged("w")[0]);
    assertEquals(1L, resumed.averagedModel().orElseThrow().averagedCount());
    IllegalStateException both = assertThrows(IllegalStateException.class, () -> TrainingPlan.builder()
        .ema(ModelEma.decay(0.9)).swa(ModelSwa.fromEpoch(1)));
    assertTrue(both.getMessage().contains("a plan keeps one"), both.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(4).optimizer(Spec.of("SGD").with("lr", 1.0))
        .group("w", Parameter.of("w", 0f)).swa(ModelSwa.fromEpoch(4)).build());
  }
}
