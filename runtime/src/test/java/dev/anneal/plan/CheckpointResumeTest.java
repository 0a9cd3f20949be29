package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.Optimizers;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every optimizer, with a step-interval and an epoch-interval schedule, with and without
 * freezing: train k steps, checkpoint, restore into a fresh plan over a fresh model, continue;
 * parameters and learning rates must equal an uninterrupted run bit for bit.
 */
class CheckpointResumeTest {
  /** Every optimizer type named in CONTRACTS.md. */
  static final List<String> CONTRACT_OPTIMIZERS = List.of("SGD", "Adam", "AdamW", "Adagrad", "RMSprop", "Adadelta",
      "Adamax", "NAdam", "RAdam", "Rprop", "ASGD", "LBFGS", "LAMB", "LARS", "LayerAdaptiveAdam");

  @TempDir Path dir;

  enum ScheduleCase {
    STEP_INTERVAL(Spec.of("LinearWarmup").with("warmup_steps", 3).with("warmup_factor", 0.1)
        .withChildren(Spec.of("CosineAnnealingLR").with("T_max", 9).with("eta_min", 1e-4)), Interval.STEP),
    EPOCH_INTERVAL(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.7), Interval.EPOCH),
    PLATEAU(Spec.of("LinearWarmup").with("warmup_steps", 1).with("warmup_factor", 0.5)
        .withChildren(Spec.of("ReduceLROnPlateau").with("factor", 0.5).with("patience", 0)), Interval.EPOCH);

    final Spec spec;
    final Interval interval;

    ScheduleCase(Spec spec, Interval interval) {
      this.spec = spec;
      this.interval = interval;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String optimizer : CONTRACT_OPTIMIZERS) {
      if (!Optimizers.types().contains(optimizer)) {
        continue; // not available yet
      }
      for (ScheduleCase schedule : ScheduleCase.values()) {
        cases.add(Arguments.of(optimizer, schedule, false));
        cases.add(Arguments.of(optimizer, schedule, true));
      }
    }
    return cases.stream();
  }

  static Spec optimizerSpec(String type) {
    Spec spec = Spec.of(type).with("lr", 0.01);
    return switch (type) {
      case "SGD", "LARS" -> spec.with("momentum", 0.9).with("weight_decay", 0.01);
      case "AdamW", "LAMB", "LayerAdaptiveAdam" -> spec.with("weight_decay", 0.05);
      case "LBFGS" -> Spec.of(type).with("lr", 0.5).with("max_iter", 3).with("history_size", 4);
      default -> spec;
    };
  }

  static TrainingPlan plan(ToyModel model, String optimizer, ScheduleCase schedule, boolean freeze, PlanListener listener) {
    if (optimizer.equals("LBFGS")) {
      // LBFGS takes one group (as in PyTorch) and steps through closures, whole batches.
      return TrainingPlan.builder()
          .epochs(4)
          .stepsPerEpoch(ResumeHarness.BATCHES)
          .optimizer(optimizerSpec(optimizer))
          .group("model", ParameterSource.concat(List.of(model.a, model.b, model.c)), g -> {
            if (freeze) {
              g.freezeUntilStep(2).rewarmup(2);
            }
          })
          .schedule(schedule.spec, schedule.interval)
          .monitor("val_loss")
          .clipGradNorm(2.0)
          .listener(listener)
          .build();
    }
    int accumulate = 2;
    return TrainingPlan.builder()
        .epochs(4)
        .stepsPerEpoch(ResumeHarness.BATCHES / accumulate)
        .accumulate(accumulate)
        .optimizer(optimizerSpec(optimizer))
        .group("a", model.a, g -> {
          g.set("lr", 0.02);
          if (freeze) {
            g.freezeUntilStep(4).onUnfreeze(UnfreezePolicy.RESET_STATE).rewarmup(3);
          }
        })
        .group("b", model.b, g -> {
          if (freeze) {
            g.freezeUntilEpoch(1);
          }
        })
        .group("c", model.c, g -> {
          if (schedule == ScheduleCase.EPOCH_INTERVAL) {
            g.schedule(Spec.of("ExponentialLR").with("gamma", 0.9), Interval.EPOCH); // a per-group schedule
          }
        })
        .schedule(schedule.spec, schedule.interval)
        .monitor("val_loss")
        .clipGradNorm(2.0)
        .listener(listener)
        .build();
  }

  @ParameterizedTest(name = "{0} {1} freeze={2}")
  @MethodSource("cases")
  void resumedRunEqualsUninterruptedRunBitForBit(String optimizer, ScheduleCase schedule, boolean freeze) throws Exception {
    ResumeHarness.LrLog fullLog = new ResumeHarness.LrLog();
    ToyModel fullModel = new ToyModel();
    TrainingPlan full = plan(fullModel, optimizer, schedule, freeze, fullLog);
    assertFalse(ResumeHarness.run(full, fullModel, p -> false));
    ToyModel untrained = new ToyModel();
    for (int i = 0; i < untrained.all().size(); i++) {
      assertFalse(Arrays.equals(untrained.all().get(i).values().toArray(), fullModel.all().get(i).values().toArray()),
          "training must move " + untrained.all().get(i).name());
    }

    // Stop mid-epoch (after step 5) and at an epoch boundary (after epoch 2).
    List<Predicate<TrainingPlan>> stops = List.of(
        p -> p.clock().inEpoch() && p.clock().step() == 5 && p.clock().microBatch() == 0,
        p -> !p.clock().inEpoch() && p.clock().epoch() == 2);
    for (Predicate<TrainingPlan> stop : stops) {
      ResumeHarness.LrLog firstLog = new ResumeHarness.LrLog();
      ToyModel firstModel = new ToyModel();
      TrainingPlan first = plan(firstModel, optimizer, schedule, freeze, firstLog);
      assertTrue(ResumeHarness.run(first, firstModel, stop));
      Path file = dir.resolve("k.ckpt");
      first.save(file);

      ResumeHarness.LrLog secondLog = new ResumeHarness.LrLog();
      ToyModel secondModel = new ToyModel();
      TrainingPlan second = plan(secondModel, optimizer, schedule, freeze, secondLog);
      second.load(file);
      assertFalse(ResumeHarness.run(second, secondModel, p -> false));

      List<String> resumed = new ArrayList<>(firstLog.lines);
      resumed.addAll(secondLog.lines);
      assertEquals(fullLog.lines, resumed, "lr of every group at every step");
      for (int i = 0; i < fullModel.all().size(); i++) {
        Parameter expected = fullModel.all().get(i);
        assertArrayEquals(expected.values().toArray(), secondModel.all().get(i).values().toArray(), 0f, expected.name());
      }
      for (int g = 0; g < full.groups().size(); g++) {
        assertEquals(Double.doubleToRawLongBits(full.groups().get(g).lr()), Double.doubleToRawLongBits(second.groups().get(g).lr()));
      }
      assertEquals(full.clock().toMap(), second.clock().toMap());
    }
  }

  @org.junit.jupiter.api.Test
  void javaFunctionsInSpecsAndCustomSchedulesCheckpointToo() throws Exception {
    java.util.function.DoubleUnaryOperator halve = x -> 1.0 / (1 << (int) (x - 1));
    java.util.function.Function<ToyModel, TrainingPlan> build = model -> TrainingPlan.builder()
        .epochs(2).stepsPerEpoch(3).accumulate(2)
        .optimizer(Spec.of("SGD").with("lr", 0.01).with("momentum", 0.9))
        .group("a", model.a)
        .group("b", model.b, g -> g.schedule((optimizer, groups) -> new dev.anneal.schedule.LambdaLR(
            dev.anneal.schedule.GroupSource.fixed(groups), e -> 1.0 / (1 + e)), Interval.STEP))
        .group("c", model.c)
        .schedule(Spec.of("CyclicLR").with("base_lr", 0.001).with("max_lr", 0.1).with("step_size_up", 2)
            .with("scale_fn", halve), Interval.STEP)
        .build();
    ToyModel fullModel = new ToyModel();
    TrainingPlan full = build.apply(fullModel);
    ResumeHarness.run(full, fullModel, p -> false);

    ToyModel firstModel = new ToyModel();
    TrainingPlan first = build.apply(firstModel);
    ResumeHarness.run(first, firstModel, p -> p.clock().step() == 4 && p.clock().microBatch() == 0);
    Path file = dir.resolve("fn.ckpt");
    first.save(file);
    ToyModel secondModel = new ToyModel();
    TrainingPlan second = build.apply(secondModel);
    second.load(file);
    ResumeHarness.run(second, secondModel, p -> false);
    for (int i = 0; i < fullModel.all().size(); i++) {
      assertArrayEquals(fullModel.all().get(i).values().toArray(), secondModel.all().get(i).values().toArray(), 0f);
    }
    for (int g = 0; g < 3; g++) {
      assertEquals(full.groups().get(g).lr(), second.groups().get(g).lr());
    }
  }
}
