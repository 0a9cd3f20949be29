package dev.anneal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warmups, recipes, joining groups and per-group schedules, against values computed here by hand. */
class SchedulerBehaviourTest {
  private static final double TOL = 1e-15;

  private static Optimizer sgd(double... lrs) {
    return FixtureOptimizers.create("SGD", Map.of("momentum", 0.9), java.util.Arrays.stream(lrs).boxed().toList());
  }

  private static double lr(Optimizer o, int g) {
    return o.paramGroups().get(g).lr();
  }

  private static OneCycleLR oneCycle(GroupSource groups, double maxLr, int total, double pct, String anneal, double baseMomentum,
      double maxMomentum, double div, double finalDiv) {
    return new OneCycleLR(groups, new PerGroup("OneCycleLR", "max_lr", maxLr, null), total, pct, anneal, true,
        new PerGroup("OneCycleLR", "base_momentum", baseMomentum, null), new PerGroup("OneCycleLR", "max_momentum", maxMomentum, null),
        div, finalDiv, false);
  }

  /** The fixture sequential_one_cycle_twice's schedules: PyTorch's numbers by default, each phase's own bounds by name. */
  @Test
  void twoOneCyclesInSequenceUseTheLastBoundsUnlessAskedForTheirOwn() {
    Optimizer torch = sgd(0.01);
    GroupSource live = GroupSource.live(torch);
    SequentialLR pytorch = new SequentialLR(live, List.of(oneCycle(live, 0.1, 8, 0.25, "cos", 0.85, 0.95, 25, 1e4),
        oneCycle(live, 0.02, 12, 0.5, "linear", 0.8, 0.9, 10, 100)), new int[] {8});
    assertEquals(0.002, lr(torch, 0), 1e-15, "the second's initial_lr, 0.02 / 10");
    pytorch.step();
    assertEquals(0.02, lr(torch, 0), 1e-15, "the first's peak at step 1 is the second's max_lr");
    assertEquals(0.8, Momentum.read(torch.paramGroups().get(0)), 1e-15);

    Optimizer own = sgd(0.01);
    GroupSource groups = GroupSource.live(own);
    SequentialLR phases = SequentialLR.withPhaseOwnOneCycleBounds(groups, List.of(oneCycle(groups, 0.1, 8, 0.25, "cos", 0.85, 0.95, 25, 1e4),
        oneCycle(groups, 0.02, 12, 0.5, "linear", 0.8, 0.9, 10, 100)), new int[] {8});
    assertEquals(0.004, lr(own, 0), 1e-15, "the first's own initial lr, 0.1 / 25");
    phases.step();
    assertEquals(0.1, lr(own, 0), 1e-15, "the first's own max_lr");
    assertEquals(0.85, Momentum.read(own.paramGroups().get(0)), 1e-15);
    for (int t = 2; t <= 8; t++) {
      phases.step();
    }
    assertEquals(0.002, lr(own, 0), 1e-15, "at the milestone the second starts from its own initial lr");
  }

  @Test
  void oneCyclePhaseOfZeroStepsIsRefusedWhereTorchDividesByZero() {
    // torch 1.13 and 2.x: OneCycleLR(max_lr=1.0, total_steps=5, pct_start=0.2) raises ZeroDivisionError at construction
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Schedulers.create(
        Spec.of("OneCycleLR").with("max_lr", 1.0).with("total_steps", 5).with("pct_start", 0.2), sgd(0.1)));
    assertTrue(e.getMessage().contains("phase 1 of 2 is zero steps long"), e.getMessage());
    assertTrue(e.getMessage().contains("ZeroDivisionError"), e.getMessage());
  }

  @Test
  void linearWarmupIsTheGradualWarmupThenTheChildFromItsStepZero() {
    Optimizer o = sgd(0.1);
    LrScheduler s = Schedulers.create(Spec.of("LinearWarmup").with("warmup_steps", 4).with("warmup_factor", 0.2)
        .withChildren(Spec.of("StepLR").with("step_size", 2).with("gamma", 0.5)), o);
    for (int t = 0; t < 4; t++) {
      double a = t / 4.0;
      assertEquals(0.1 * (0.2 * (1 - a) + a), lr(o, 0), TOL, "warmup step " + t);
      s.step();
    }
    double[] after = {0.1, 0.1, 0.05, 0.05, 0.025};
    for (double want : after) {
      assertEquals(want, lr(o, 0), TOL);
      s.step();
    }
  }

  @Test
  void cosineExponentialAndConstantWarmupShapes() {
    double f = 0.1;
    for (String type : List.of("CosineWarmup", "ExponentialWarmup", "ConstantWarmup")) {
      Optimizer o = sgd(0.5);
      LrScheduler s = Schedulers.create(Spec.of(type).with("warmup_steps", 5).with("warmup_factor", f), o);
      for (int t = 0; t < 8; t++) {
        double a = t / 5.0;
        double factor = t >= 5 ? 1.0 : switch (type) {
          case "CosineWarmup" -> f + (1 - f) * 0.5 * (1 - Math.cos(Math.PI * a));
          case "ExponentialWarmup" -> Math.exp((1 - a) * Math.log(f));
          default -> f;
        };
        assertEquals(0.5 * factor, lr(o, 0), 1e-15, type + " step " + t);
        s.step();
      }
    }
  }

  @Test
  void warmupBeforePlateauIgnoresMetricsDuringWarmupThenReduces() {
    Optimizer o = sgd(0.1);
    LrScheduler s = Schedulers.create(Spec.of("LinearWarmup").with("warmup_steps", 2).with("warmup_factor", 0.5)
        .withChildren(Spec.of("ReduceLROnPlateau").with("patience", 0).with("factor", 0.5)), o);
    MetricScheduler m = assertInstanceOf(MetricScheduler.class, s);
    assertEquals(0.05, lr(o, 0), TOL);
    m.step(1.0); // warmup: metric ignored
    assertEquals(0.075, lr(o, 0), TOL);
    m.step(1.0); // end of warmup: base lr, plateau starts counting afresh
    assertEquals(0.1, lr(o, 0), TOL);
    m.step(1.0); // first plateau metric: best
    assertEquals(0.1, lr(o, 0), TOL);
    m.step(1.0); // no improvement, patience 0: reduce
    assertEquals(0.05, lr(o, 0), TOL);
    assertThrows(IllegalStateException.class, m::step, "after the warmup a plateau needs its metric");
  }

  @Test
  void aGroupAddedLaterJoinsAtTheCurrentPositionWithItsOwnBaseLr() {
    Optimizer o = sgd(0.1);
    LrScheduler s = Schedulers.create(Spec.of("StepLR").with("step_size", 2).with("gamma", 0.5), o);
    for (int i = 0; i < 5; i++) {
      s.step();
    }
    o.addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 0f))).with("lr", 1.0));
    s.step(); // position 6
    assertEquals(0.1 * 0.125, lr(o, 0), TOL);
    assertEquals(1.0 * 0.125, lr(o, 1), TOL, "joined at position 6 = three decays, from its own base lr");
    assertEquals(1.0, o.paramGroups().get(1).getDouble("initial_lr"), TOL);
    s.step();
    s.step(); // position 8
    assertEquals(1.0 * 0.0625, lr(o, 1), TOL);
    assertEquals(2, s.lastLr().size());
  }

  @Test
  void aGroupJoiningAWarmupAndAOneCycleGetsItsPositionAndMomentum() {
    Optimizer o = sgd(0.1);
    LrScheduler s = Schedulers.create(Spec.of("LinearWarmup").with("warmup_steps", 10).with("warmup_factor", 0.0), o);
    s.step();
    s.step();
    o.addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 0f))).with("lr", 0.4));
    s.step(); // position 3
    assertEquals(0.4 * 0.3, lr(o, 1), TOL);

    Optimizer p = sgd(0.1);
    LrScheduler cycle = Schedulers.create(Spec.of("OneCycleLR").with("max_lr", 1.0).with("total_steps", 10).with("anneal_strategy", "linear")
        .with("pct_start", 0.5).with("div_factor", 10.0), p);
    cycle.step();
    p.addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 0f))).with("lr", 0.4).with("momentum", 0.0));
    cycle.step(); // position 2 of a linear ramp 0.1 -> 1.0 over steps 0..4
    assertEquals(0.1 + 0.9 * 2 / 4, lr(p, 1), 1e-12);
    assertEquals(0.95 - 0.1 * 2 / 4, p.paramGroups().get(1).getDouble("momentum"), 1e-12);
  }

  @Test
  void aPerGroupScheduleDrivesOnlyItsGroups() {
    Optimizer o = sgd(0.1, 0.2);
    LrScheduler s = Schedulers.create(Spec.of("ExponentialLR").with("gamma", 0.5), o, List.of(o.paramGroups().get(1)));
    s.step();
    assertEquals(0.1, lr(o, 0), TOL);
    assertEquals(0.1, lr(o, 1), TOL);
    o.addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 0f))).with("lr", 0.3));
    s.step();
    assertEquals(0.3, lr(o, 2), TOL, "a per-group schedule does not adopt new groups");
    assertEquals(1, s.lastLr().size());
  }

  @Test
  void transformersRecipesMatchTheirFormulas() {
    Optimizer o = sgd(0.1);
    LrScheduler s = Schedulers.create(Spec.of("LinearWithWarmupLR").with("num_warmup_steps", 4).with("num_training_steps", 10), o);
    for (int t = 0; t <= 12; t++) {
      double factor = t < 4 ? t / 4.0 : Math.max(0.0, (10.0 - t) / 6.0);
      assertEquals(0.1 * factor, lr(o, 0), 1e-16, "linear step " + t);
      s.step();
    }
    Optimizer c = sgd(0.1);
    LrScheduler cos = Schedulers.create(Spec.of("CosineWithWarmupLR").with("num_warmup_steps", 2).with("num_training_steps", 10), c);
    for (int t = 0; t <= 10; t++) {
      double factor = t < 2 ? t / 2.0 : 0.5 * (1 + Math.cos(Math.PI * (t - 2) / 8.0));
      assertEquals(0.1 * factor, lr(c, 0), 1e-16, "cosine step " + t);
      cos.step();
    }
    Optimizer w = sgd(0.1);
    LrScheduler wsd = Schedulers.create(Spec.of("WarmupStableDecayLR").with("num_warmup_steps", 2).with("num_decay_steps", 2)
        .with("num_training_steps", 8).with("decay_type", "linear"), w);
    double[] factors = {0, 0.5, 1, 1, 1, 1, 1, 0.5, 0};
    for (double f : factors) {
      assertEquals(0.1 * f, lr(w, 0), 1e-16);
      wsd.step();
    }
    Optimizer i = sgd(0.1);
    LrScheduler inv = Schedulers.create(Spec.of("InverseSqrtLR").with("num_warmup_steps", 4), i);
    for (int t = 0; t < 4; t++) {
      inv.step();
    }
    inv.step(); // step 5: 1/sqrt(5/4)
    assertEquals(0.1 / Math.sqrt(1.25), lr(i, 0), 1e-16);
  }

  @Test
  void timmCosineCyclesDecayLimitAndWarmup() {
    Optimizer o = sgd(1.0);
    LrScheduler s = Schedulers.create(Spec.of("timm.CosineLRScheduler").with("t_initial", 4).with("lr_min", 0.0).with("cycle_decay", 0.5)
        .with("cycle_limit", 2).with("warmup_t", 2).with("warmup_lr_init", 0.1), o);
    double[] expected = {0.1, 0.55, 0.5, 0.5 * (1 + Math.cos(Math.PI * 3 / 4)), 0.5, 0.5 * 0.5 * (1 + Math.cos(Math.PI / 4)), 0.25,
        0.25 * (1 + Math.cos(Math.PI * 3 / 4)), 0.0, 0.0};
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], lr(o, 0), 1e-15, "timm step " + t);
      s.step();
    }
  }

  @Test
  void timmNoiseIsAPureFunctionOfSeedAndPositionAndBounded() {
    Spec spec = Spec.of("timm.CosineLRScheduler").with("t_initial", 50).with("noise_range_t", 0).with("noise_pct", 0.1).with("noise_seed", 3);
    Optimizer a = sgd(1.0);
    Optimizer b = sgd(1.0);
    Optimizer quiet = sgd(1.0);
    LrScheduler sa = Schedulers.create(spec, a);
    LrScheduler sb = Schedulers.create(spec, b);
    LrScheduler sq = Schedulers.create(Spec.of("timm.CosineLRScheduler").with("t_initial", 50), quiet);
    boolean differs = false;
    for (int t = 0; t < 30; t++) {
      assertEquals(lr(a, 0), lr(b, 0), 0.0);
      double ratio = lr(a, 0) / lr(quiet, 0);
      assertTrue(Math.abs(ratio - 1) < 0.1 + 1e-12, "noise within noise_pct at " + t + ": " + ratio);
      differs |= ratio != 1;
      sa.step();
      sb.step();
      sq.step();
    }
    assertTrue(differs, "noise is applied");
  }

  @Test
  void plateauInsideChainedAndSequentialTakesTheMetric() {
    Optimizer o = sgd(1.0);
    MetricScheduler chained = assertInstanceOf(MetricScheduler.class, Schedulers.create(Spec.of("ChainedScheduler").withChildren(
        Spec.of("ExponentialLR").with("gamma", 0.5), Spec.of("ReduceLROnPlateau").with("patience", 0).with("factor", 0.5)), o));
    chained.step(1.0); // exponential halves; the plateau records its best
    assertEquals(0.5, lr(o, 0), TOL);
    chained.step(1.0); // exponential halves; no improvement: the plateau halves too
    assertEquals(0.125, lr(o, 0), TOL);

    Optimizer p = sgd(1.0);
    MetricScheduler sequential = assertInstanceOf(MetricScheduler.class, Schedulers.create(Spec.of("SequentialLR")
        .with("milestones", List.of(2)).withChildren(Spec.of("ConstantLR").with("factor", 0.5).with("total_iters", 10),
            Spec.of("ReduceLROnPlateau").with("patience", 0).with("factor", 0.5)), p));
    assertEquals(0.5, lr(p, 0), TOL);
    sequential.step(9.0);
    assertEquals(0.5, lr(p, 0), TOL);
    sequential.step(9.0); // milestone: the plateau starts from the base lr, counters cleared
    assertEquals(1.0, lr(p, 0), TOL);
    sequential.step(1.0);
    assertEquals(1.0, lr(p, 0), TOL);
    sequential.step(1.0);
    assertEquals(0.5, lr(p, 0), TOL);
  }

  @Test
  void groupsJoinChainedAndSequentialSchedulesAtTheirPosition() {
    Optimizer o = sgd(0.1);
    LrScheduler chained = Schedulers.create(Spec.of("ChainedScheduler").withChildren(
        Spec.of("StepLR").with("step_size", 2).with("gamma", 0.5), Spec.of("ExponentialLR").with("gamma", 0.9)), o);
    for (int i = 0; i < 3; i++) {
      chained.step();
    }
    o.addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 0f))).with("lr", 1.0));
    chained.step(); // position 4: two halvings and 0.9^4
    assertEquals(0.25 * Math.pow(0.9, 4), lr(o, 1), 1e-15);
    assertEquals(lr(o, 0) * 10, lr(o, 1), 1e-15);

    Optimizer p = sgd(0.1);
    LrScheduler sequential = Schedulers.create(Spec.of("SequentialLR").with("milestones", List.of(2)).withChildren(
        Spec.of("ConstantLR").with("factor", 0.5).with("total_iters", 5), Spec.of("ExponentialLR").with("gamma", 0.5)), p);
    for (int i = 0; i < 3; i++) {
      sequential.step();
    }
    p.addParamGroup(new ParamGroup("late", List.of(Parameter.of("late.w", 0f))).with("lr", 1.0));
    sequential.step(); // position 4 = the exponential's step 2
    assertEquals(0.25, lr(p, 1), 1e-15);
    assertEquals(0.025, lr(p, 0), 1e-15);
  }

  @Test
  void clearErrorsForBadSpecs() {
    Optimizer o = sgd(0.1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedulers.create(Spec.of("StepLR").with("stepsize", 2), o))
        .getMessage().contains("step_size"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedulers.create(Spec.of("Nope"), o)).getMessage().contains("StepLR"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedulers.create(Spec.of("LambdaLR").with("lr_lambda", "x"), o))
        .getMessage().contains("Schedulers.lambda"));
    Optimizer adamless = FixtureOptimizers.create("SGD", Map.of(), List.of(0.1));
    adamless.paramGroups().get(0).remove("momentum");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedulers.create(Spec.of("CyclicLR").with("base_lr", 0.01)
        .with("max_lr", 0.1), adamless)).getMessage().contains("cycle_momentum"));
    LrScheduler step = Schedulers.create(Spec.of("StepLR").with("step_size", 2), o);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> step.loadStateDict(Map.of("type", "ExponentialLR")))
        .getMessage().contains("ExponentialLR"));
  }
}
