package dev.anneal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Exact resume: run to a cut point, export the state through JSON, build a fresh optimizer and a
 * fresh scheduler, load, continue; every lr / momentum / beta1 must equal the uninterrupted run's
 * bit for bit. Every fixture case (every PyTorch scheduler and option) at several cut points, plus
 * warmups, recipes, timm's noisy cosine, LambdaLR and MultiplicativeLR.
 */
class SchedulerResumeTest {

  /** Builds an optimizer and its schedule, and takes step i. */
  interface Setup {
    Optimizer optimizer();

    LrScheduler scheduler(Optimizer optimizer);

    int steps();

    void step(LrScheduler scheduler, int i);
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureCaseResumesExactly() throws IOException {
    return SchedulerFixtures.all().stream().map(c -> DynamicTest.dynamicTest(c.file() + " / " + c.name(), () -> resumeAtCuts(new Setup() {
      @Override
      public Optimizer optimizer() {
        return c.newOptimizer();
      }

      @Override
      public LrScheduler scheduler(Optimizer optimizer) {
        return Schedulers.create(c.scheduleSpec(), optimizer);
      }

      @Override
      public int steps() {
        return c.steps();
      }

      @Override
      public void step(LrScheduler scheduler, int i) {
        c.step(scheduler, i);
      }
    })));
  }

  static Setup specSetup(Spec spec, List<Double> lrs, String optimizer, Map<String, Object> kwargs, int steps, double[] metrics) {
    return new Setup() {
      @Override
      public Optimizer optimizer() {
        return FixtureOptimizers.create(optimizer, kwargs, lrs);
      }

      @Override
      public LrScheduler scheduler(Optimizer optimizer) {
        return Schedulers.create(spec, optimizer);
      }

      @Override
      public int steps() {
        return steps;
      }

      @Override
      public void step(LrScheduler scheduler, int i) {
        if (metrics != null) {
          ((MetricScheduler) scheduler).step(metrics[i % metrics.length]);
        } else {
          scheduler.step();
        }
      }
    };
  }

  @TestFactory
  Stream<DynamicTest> warmupsRecipesAndFunctionsResumeExactly() {
    double[] plateau = {1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.85, 0.9, 0.91, 0.92};
    Map<String, Setup> setups = new java.util.LinkedHashMap<>();
    Spec cosine = Spec.of("CosineAnnealingLR").with("T_max", 20).with("eta_min", 1e-4);
    for (String warmup : List.of("LinearWarmup", "ConstantWarmup", "CosineWarmup", "ExponentialWarmup")) {
      setups.put(warmup + " then cosine", specSetup(Spec.of(warmup).with("warmup_steps", 5).with("warmup_factor", 0.1).withChildren(cosine),
          List.of(0.1, 0.02), "SGD", Map.of("momentum", 0.9), 24, null));
    }
    setups.put("LinearWarmup alone", specSetup(Spec.of("LinearWarmup").with("warmup_steps", 4), List.of(0.1), "SGD", Map.of(), 8, null));
    setups.put("LinearWarmup then plateau", specSetup(Spec.of("LinearWarmup").with("warmup_steps", 3)
        .withChildren(Spec.of("ReduceLROnPlateau").with("patience", 1)), List.of(0.1), "SGD", Map.of(), 20, plateau));
    setups.put("CosineWarmup then OneCycle (beta1)", specSetup(Spec.of("CosineWarmup").with("warmup_steps", 3)
        .withChildren(Spec.of("OneCycleLR").with("max_lr", 0.01).with("total_steps", 12)), List.of(0.001), "Adam", Map.of(), 15, null));
    setups.put("LinearWarmup then SequentialLR", specSetup(Spec.of("LinearWarmup").with("warmup_steps", 2)
        .withChildren(Spec.of("SequentialLR").with("milestones", List.of(3)).withChildren(
            Spec.of("ConstantLR").with("factor", 0.5).with("total_iters", 2), Spec.of("ExponentialLR").with("gamma", 0.8))),
        List.of(0.1), "SGD", Map.of(), 12, null));
    setups.put("LinearWithWarmupLR", specSetup(Spec.of("LinearWithWarmupLR").with("num_warmup_steps", 3).with("num_training_steps", 12),
        List.of(0.1, 0.01), "SGD", Map.of(), 14, null));
    setups.put("CosineWithWarmupLR", specSetup(Spec.of("CosineWithWarmupLR").with("num_warmup_steps", 3).with("num_training_steps", 12),
        List.of(0.1), "SGD", Map.of(), 14, null));
    setups.put("CosineWithHardRestartsWithWarmupLR", specSetup(Spec.of("CosineWithHardRestartsWithWarmupLR").with("num_warmup_steps", 2)
        .with("num_training_steps", 14).with("num_cycles", 3), List.of(0.1), "SGD", Map.of(), 16, null));
    setups.put("PolynomialWithWarmupLR", specSetup(Spec.of("PolynomialWithWarmupLR").with("num_warmup_steps", 2)
        .with("num_training_steps", 10).with("power", 2.0), List.of(0.1, 0.05), "SGD", Map.of(), 12, null));
    setups.put("ConstantWithWarmupLR", specSetup(Spec.of("ConstantWithWarmupLR").with("num_warmup_steps", 4), List.of(0.1), "SGD", Map.of(), 8, null));
    setups.put("InverseSqrtLR", specSetup(Spec.of("InverseSqrtLR").with("num_warmup_steps", 4), List.of(0.1), "SGD", Map.of(), 12, null));
    setups.put("WarmupStableDecayLR", specSetup(Spec.of("WarmupStableDecayLR").with("num_warmup_steps", 2).with("num_decay_steps", 4)
        .with("num_training_steps", 10).with("min_lr_ratio", 0.1), List.of(0.1), "SGD", Map.of(), 12, null));
    setups.put("timm cosine with noise", specSetup(Spec.of("timm.CosineLRScheduler").with("t_initial", 5).with("cycle_mul", 2.0)
        .with("cycle_decay", 0.5).with("cycle_limit", 3).with("warmup_t", 2).with("warmup_lr_init", 1e-4).with("k_decay", 1.5)
        .with("noise_range_t", List.of(3, 20)).with("noise_pct", 0.2).with("noise_seed", 7), List.of(0.1, 0.05), "SGD", Map.of(), 24, null));
    setups.put("LambdaLR per group", functionSetup(false));
    setups.put("MultiplicativeLR", functionSetup(true));
    return setups.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> resumeAtCuts(e.getValue())));
  }

  private static Setup functionSetup(boolean multiplicative) {
    IntToDoubleFunction a = step -> 1.0 / (1 + step);
    IntToDoubleFunction b = step -> Math.pow(0.9, step);
    return new Setup() {
      @Override
      public Optimizer optimizer() {
        return FixtureOptimizers.create("SGD", Map.of(), List.of(0.1, 0.2));
      }

      @Override
      public LrScheduler scheduler(Optimizer optimizer) {
        return multiplicative ? Schedulers.multiplicative(optimizer, b) : Schedulers.lambda(optimizer, List.of(a, b));
      }

      @Override
      public int steps() {
        return 10;
      }

      @Override
      public void step(LrScheduler scheduler, int i) {
        scheduler.step();
      }
    };
  }

  /**
   * A group added during training: a state saved after it joined loads into an optimizer that has
   * it; a state saved before it joined lets it join again at the next step (present at load time
   * or added later). Each continues exactly like the uninterrupted run.
   */
  @TestFactory
  Stream<DynamicTest> groupsThatJoinedResumeExactly() {
    List<Spec> specs = List.of(
        Spec.of("StepLR").with("step_size", 2).with("gamma", 0.5),
        Spec.of("OneCycleLR").with("max_lr", 0.1).with("total_steps", 12),
        Spec.of("LinearWarmup").with("warmup_steps", 3).withChildren(Spec.of("CosineAnnealingLR").with("T_max", 9)),
        Spec.of("ChainedScheduler").withChildren(Spec.of("ConstantLR").with("factor", 0.5).with("total_iters", 4),
            Spec.of("ExponentialLR").with("gamma", 0.8)));
    int joinAt = 4;
    int steps = 10;
    return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.type(), () -> {
      List<double[]> reference = new ArrayList<>();
      Optimizer optimizer = FixtureOptimizers.create("SGD", Map.of("momentum", 0.9), List.of(0.05));
      LrScheduler scheduler = Schedulers.create(spec, optimizer);
      for (int i = 0; i < steps; i++) {
        if (i == joinAt) {
          optimizer.addParamGroup(lateGroup());
        }
        scheduler.step();
        reference.add(snapshot(optimizer));
      }
      for (int cut : List.of(2, joinAt, joinAt + 1, 7)) {
        Optimizer first = FixtureOptimizers.create("SGD", Map.of("momentum", 0.9), List.of(0.05));
        LrScheduler before = Schedulers.create(spec, first);
        for (int i = 0; i < cut; i++) {
          if (i == joinAt) {
            first.addParamGroup(lateGroup());
          }
          before.step();
        }
        Map<String, Object> state = SchedulerFixtures.JSON.readValue(SchedulerFixtures.JSON.writeValueAsString(before.stateDict()),
            new TypeReference<>() {});
        for (boolean lateGroupPresentAtLoad : List.of(true, false)) {
          if (!lateGroupPresentAtLoad && cut > joinAt) {
            continue; // a state that covers the group needs it in the optimizer
          }
          Optimizer fresh = FixtureOptimizers.create("SGD", Map.of("momentum", 0.9), List.of(0.05));
          if (lateGroupPresentAtLoad) {
            fresh.addParamGroup(lateGroup());
          }
          LrScheduler after = Schedulers.create(spec, fresh);
          after.loadStateDict(state);
          for (int i = cut; i < steps; i++) {
            if (i == joinAt && !lateGroupPresentAtLoad) {
              fresh.addParamGroup(lateGroup());
            }
            after.step();
            double[] got = snapshot(fresh);
            double[] want = reference.get(i);
            String where = "step " + (i + 1) + " after resuming at " + cut + " (late group at load: " + lateGroupPresentAtLoad + ")";
            boolean joinedAsInReference = !lateGroupPresentAtLoad || cut >= joinAt;
            if (joinedAsInReference) {
              assertExact(want, got, where);
            } else {
              // the late group joined earlier than in the reference run: the first group must not notice
              assertExact(java.util.Arrays.copyOf(want, 2), java.util.Arrays.copyOf(got, 2), where);
            }
          }
        }
      }
    }));
  }

  private static ParamGroup lateGroup() {
    return new ParamGroup("late", List.of(dev.anneal.param.Parameter.of("late.w", 0f))).with("lr", 0.3).with("momentum", 0.9);
  }

  /** Resumes at 0, 1, a third, half, two thirds and the last step, each compared with the uninterrupted run. */
  static void resumeAtCuts(Setup setup) throws IOException {
    int n = setup.steps();
    List<double[]> reference = new ArrayList<>();
    Optimizer optimizer = setup.optimizer();
    LrScheduler scheduler = setup.scheduler(optimizer);
    reference.add(snapshot(optimizer));
    for (int i = 0; i < n; i++) {
      setup.step(scheduler, i);
      reference.add(snapshot(optimizer));
    }
    for (int cut : new TreeSet<>(List.of(0, Math.min(1, n), n / 3, n / 2, 2 * n / 3, Math.max(0, n - 1)))) {
      Optimizer first = setup.optimizer();
      LrScheduler before = setup.scheduler(first);
      for (int i = 0; i < cut; i++) {
        setup.step(before, i);
      }
      String json = SchedulerFixtures.JSON.writeValueAsString(before.stateDict());
      Map<String, Object> state = SchedulerFixtures.JSON.readValue(json, new TypeReference<>() {});
      Optimizer fresh = setup.optimizer();
      LrScheduler after = setup.scheduler(fresh);
      after.loadStateDict(state);
      assertExact(reference.get(cut), snapshot(fresh), "right after loading at cut " + cut);
      for (int i = cut; i < n; i++) {
        setup.step(after, i);
        assertExact(reference.get(i + 1), snapshot(fresh), "step " + (i + 1) + " after resuming at " + cut);
      }
      assertEquals(before.getClass(), after.getClass());
    }
  }

  /** lr, momentum and beta1 of every group, as doubles. */
  static double[] snapshot(Optimizer optimizer) {
    List<Double> values = new ArrayList<>();
    for (ParamGroup group : optimizer.paramGroups()) {
      values.add(group.lr());
      if (group.has("momentum")) {
        values.add(group.getDouble("momentum"));
      }
      if (group.has("betas")) {
        values.add(group.getDouble("betas", 0));
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static void assertExact(double[] expected, double[] actual, String where) {
    if (expected.length != actual.length) {
      fail(where + ": " + actual.length + " values, expected " + expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        fail(where + ": value " + i + " is " + actual[i] + ", the uninterrupted run has " + expected[i]);
      }
    }
  }
}
