package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.Schedulers;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step warmup's absolute start, momentum warmup and hold_after (YOLOv5's train.py), and layer
 * decay as timm's lr_scale ({@link LrScale#SCHEDULED_LR}); expected values are written from the
 * reference formulas here, not read from the plan.
 */
class YoloWarmupAndLrScaleTest {
  @TempDir Path dir;

  private static final int EPOCHS = 6;
  private static final int SPE = 4;
  private static final int WARMUP = 10;

  /** lf of YOLOv5's linear schedule over EPOCHS with lrf 0.01. */
  private static double lf(int epoch) {
    return 1.0 + (0.01 - 1.0) * epoch / EPOCHS;
  }

  private static TrainingPlan yolo(List<Parameter> biases, List<Parameter> weights) {
    return TrainingPlan.builder().epochs(EPOCHS).stepsPerEpoch(SPE)
        .optimizer(Spec.of("SGD").with("lr", 0.01).with("momentum", 0.937).with("nesterov", true))
        .group("biases", dev.anneal.param.ParameterSource.of(biases), g -> g.stepWarmup(Spec.of("LinearWarmup")
            .with("warmup_steps", WARMUP).with("warmup_start_lr", 0.1).with("warmup_momentum", 0.8)))
        .group("weights", dev.anneal.param.ParameterSource.of(weights), g -> g.weightDecay(5e-4))
        .stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", WARMUP).with("warmup_factor", 0.0)
            .with("warmup_momentum", 0.8).with("hold_after", true))
        .schedule(Spec.of("LinearLR").with("start_factor", 1.0).with("end_factor", 0.01).with("total_iters", EPOCHS),
            Interval.EPOCH)
        .build();
  }

  /** Drives the plan from where it is to the end, or until {@code stop}; returns each step's report. */
  private static List<StepReport> run(TrainingPlan plan, Predicate<TrainingPlan> stop) {
    List<StepReport> reports = new ArrayList<>();
    PlanListener listener = new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        reports.add(report);
      }
    };
    plan.addListener(listener);
    while (plan.clock().epoch() < EPOCHS) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      while (plan.clock().stepInEpoch() < SPE) {
        for (Parameter p : plan.parameters()) {
          p.setGrad(FloatStorage.wrap(new float[p.size()]));
        }
        plan.afterBackward();
        if (stop.test(plan)) {
          plan.removeListener(listener);
          return reports;
        }
      }
      plan.endEpoch();
      if (stop.test(plan)) {
        break;
      }
    }
    plan.removeListener(listener);
    return reports;
  }

  @Test
  void lrAndMomentumAreNumpysInterpAndTheScheduleIsHeldAfterTheWarmup() {
    TrainingPlan plan = yolo(List.of(Parameter.zeros("b", 2)), List.of(Parameter.zeros("w", 2, 2)));
    List<StepReport> reports = run(plan, p -> false);
    assertEquals(EPOCHS * SPE, reports.size());
    for (int ni = 0; ni < reports.size(); ni++) {
      int epoch = ni / SPE;
      double bias;
      double weight;
      double momentum;
      if (ni <= WARMUP) {
        double target = 0.01 * lf(epoch);
        bias = ni == WARMUP ? target : (target - 0.1) / WARMUP * ni + 0.1;
        weight = target * ni / WARMUP;
        momentum = ni == WARMUP ? 0.937 : (0.937 - 0.8) / WARMUP * ni + 0.8;
      } else {
        // the warmup ends at step 10, in epoch 2; later epochs run one epoch late (LambdaLR's last_epoch reset)
        bias = weight = 0.01 * lf(epoch == WARMUP / SPE ? epoch : epoch - 1);
        momentum = 0.937;
      }
      StepReport r = reports.get(ni);
      assertEquals(bias, r.lr("biases"), 1e-15, "bias lr at step " + ni);
      assertEquals(weight, r.lr("weights"), 1e-15, "weight lr at step " + ni);
      assertEquals(momentum, r.momentum("biases"), 1e-15, "momentum at step " + ni);
      assertEquals(momentum, r.momentum("weights"), 1e-15, "momentum at step " + ni);
    }
    assertTrue(reports.get(0).lr("biases") > reports.get(0).lr("weights"), "the biases fall from above the target");
    // the group keeps its own momentum; the warmup changes only the momentum each step uses
    assertEquals(0.937, plan.group("weights").getDouble(ParamGroup.MOMENTUM));
  }

  @Test
  void aResumedRunContinuesExactlyInsideTheWarmupAndAcrossTheHold() throws Exception {
    List<StepReport> full = run(yolo(List.of(Parameter.zeros("b", 2)), List.of(Parameter.zeros("w", 2, 2))), p -> false);
    List<Predicate<TrainingPlan>> stops = List.of(
        p -> p.clock().inEpoch() && p.clock().step() == 6,
        p -> !p.clock().inEpoch() && p.clock().epoch() == 3);
    for (Predicate<TrainingPlan> stop : stops) {
      TrainingPlan first = yolo(List.of(Parameter.zeros("b", 2)), List.of(Parameter.zeros("w", 2, 2)));
      List<StepReport> seen = new ArrayList<>(run(first, stop));
      Path file = dir.resolve("yolo.ckpt");
      first.save(file);
      TrainingPlan second = yolo(List.of(Parameter.zeros("b", 2)), List.of(Parameter.zeros("w", 2, 2)));
      second.load(file);
      seen.addAll(run(second, p -> false));
      assertEquals(full.size(), seen.size());
      for (int i = 0; i < full.size(); i++) {
        assertArrayEquals(full.get(i).lrs(), seen.get(i).lrs(), 0.0, "lrs at step " + i);
        assertArrayEquals(full.get(i).momenta(), seen.get(i).momenta(), 0.0, "momenta at step " + i);
      }
    }
  }

  @Test
  void theStepWarmupsOwnArgumentsAreRefusedElsewhere() {
    dev.anneal.optim.Optimizer sgd = dev.anneal.optim.Optimizers.create(Spec.of("SGD").with("lr", 0.1),
        List.of(new ParamGroup("g", List.of(Parameter.zeros("w", 1)))));
    IllegalArgumentException asSchedule = assertThrows(IllegalArgumentException.class, () -> Schedulers.create(
        Spec.of("LinearWarmup").with("warmup_steps", 5).with("warmup_start_lr", 0.1), sgd));
    assertTrue(asSchedule.getMessage().contains("warmup_start_lr is for a step warmup only"), asSchedule.getMessage());
    IllegalArgumentException onGroup = assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().epochs(2)
        .optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("g", Parameter.zeros("w", 1), g -> g.stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", 5).with("hold_after", true))));
    assertTrue(onGroup.getMessage().contains("hold_after delays the plan-wide schedules"), onGroup.getMessage());
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> dev.anneal.schedule.warmup.StepWarmup.of(
        Spec.of("LinearWarmup").with("warmup_steps", 5).with("warmup_factor", 0.1).with("warmup_start_lr", 0.1)));
    assertTrue(both.getMessage().contains("gives both warmup_factor and warmup_start_lr"), both.getMessage());
    TrainingPlan adagrad = TrainingPlan.builder().epochs(2).stepsPerEpoch(1)
        .optimizer(Spec.of("Adagrad").with("lr", 0.1))
        .group("g", Parameter.zeros("w", 1))
        .stepWarmup(Spec.of("LinearWarmup").with("warmup_steps", 5).with("warmup_momentum", 0.8))
        .schedule(Spec.of("ConstantLR"), Interval.EPOCH)
        .build();
    adagrad.startEpoch();
    adagrad.parameters().get(0).setGrad(FloatStorage.wrap(new float[1]));
    IllegalStateException noMomentum = assertThrows(IllegalStateException.class, adagrad::afterBackward);
    assertTrue(noMomentum.getMessage().contains("neither momentum nor betas"), noMomentum.getMessage());
  }

  @Test
  void vitLayerIdsAreTimmsAndMaes() {
    List<String> names = List.of("cls_token", "pos_embed", "patch_embed.proj.weight", "blocks.0.attn.qkv.weight",
        "blocks.1.norm1.weight", "blocks.2.mlp.fc1.weight", "norm.weight", "head.weight", "fc_norm.weight");
    // timm's group_matcher: stem 0, blocks.i -> i + 1, norm joins the last block, the rest one above
    LayerIndex.Layers timm = LayerIndex.vitTimm().layers(names);
    assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3, 3, 4, 4}, timm.of());
    assertEquals(4, timm.top());
    // MAE's get_layer_id_for_vit: everything that is not stem or block is num_layers = len(blocks) + 1
    LayerIndex.Layers mae = LayerIndex.vitBeit().layers(names);
    assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3, 4, 4, 4}, mae.of());
    assertEquals(4, mae.top());
    // timm numbers the ordinals present: without a stem, blocks.0 is layer 0
    assertArrayEquals(new int[] {0, 1, 2}, LayerIndex.vitTimm().layers(List.of("blocks.0.w", "blocks.1.w", "head.w")).of());
    IllegalArgumentException noIndex = assertThrows(IllegalArgumentException.class, () -> LayerIndex.vitBeit().of("blocks"));
    assertTrue(noIndex.getMessage().contains("no block index"), noIndex.getMessage());
  }

  @Test
  void scheduledLrScaleMultipliesTheFloorToo() {
    // two layers decayed by 0.5, lr 1, a per-step cosine over 4 steps down to eta_min 0.1
    for (LrScale scale : LrScale.values()) {
      TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(5)
          .optimizer(Spec.of("SGD").with("lr", 1.0))
          .group("vit", dev.anneal.param.ParameterSource.of(List.of(Parameter.zeros("blocks.0.w", 1), Parameter.zeros("head.w", 1))),
              g -> g.layerDecay(0.5, LayerIndex.vitBeit(), scale))
          .schedule(Spec.of("CosineAnnealingLR").with("T_max", 4).with("eta_min", 0.1), Interval.STEP)
          .build();
      List<StepReport> reports = new ArrayList<>();
      plan.addListener(new PlanListener() {
        @Override
        public void onStep(StepReport report) {
          reports.add(report);
        }
      });
      plan.startEpoch();
      for (int s = 0; s < 5; s++) {
        for (Parameter p : plan.parameters()) {
          p.setGrad(FloatStorage.wrap(new float[1]));
        }
        plan.afterBackward();
      }
      plan.endEpoch();
      // blocks.0 is layer 1 of top 2: factor 0.5; the head's factor is 1
      for (int s = 0; s < 5; s++) {
        double cos = (1 + Math.cos(Math.PI * s / 4)) / 2;
        double expected = scale == LrScale.SCHEDULED_LR ? 0.5 * (0.1 + (1.0 - 0.1) * cos) : 0.1 + (0.5 - 0.1) * cos;
        assertEquals(expected, reports.get(s).lr("vit.layer_1"), 1e-15, scale + " at step " + s);
        assertEquals(0.1 + 0.9 * cos, reports.get(s).lr("vit.layer_2"), 1e-15, scale + " at step " + s);
      }
      assertEquals(scale == LrScale.SCHEDULED_LR ? 0.05 : 0.1, reports.get(4).lr("vit.layer_1"), 1e-15);
    }
  }
}
