package dev.anneal.lrfind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.OptimizerState;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LrFinderRestoreTest {

  /** Two layers fitting y = 3x - 1 + 0.5 x^2 with per-(epoch, batch) inputs. */
  private static final class Model {
    final Parameter a = Parameter.of("body.w", 0.1f, -0.2f);
    final Parameter b = Parameter.of("head.w", 0.3f);

    double train(int epoch, long batch, double scale) {
      float x = (float) StrictMath.sin(epoch * 7.0 + batch * 1.3) * 2f;
      float y = 3 * x - 1 + 0.5f * x * x;
      float pred = a.values().get(0) * x + a.values().get(1) + b.values().get(0) * x * x;
      float err = pred - y;
      add(a, 0, (float) scale * 2 * err * x);
      add(a, 1, (float) scale * 2 * err);
      add(b, 0, (float) scale * 2 * err * x * x);
      return err * err;
    }

    private static void add(Parameter p, int i, float g) {
      p.gradOrZeros().set(i, p.gradOrZeros().get(i) + g);
    }
  }

  private static TrainingPlan plan(Model m) {
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(4).accumulate(2)
        .optimizer(Spec.of("AdamW").with("lr", 1e-2).with("weight_decay", 0.01))
        .group("body", m.a, g -> g.set("lr", 1e-3))
        .group("head", m.b)
        .schedule(Spec.of("LinearWarmup").with("warmup_steps", 3)
            .withChildren(Spec.of("CosineAnnealingLR").with("T_max", 9)), Interval.STEP)
        .clipGradNorm(5.0)
        .build();
  }

  private static void train(TrainingPlan plan, Model m, int microBatches) {
    for (int i = 0; i < microBatches; i++) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      m.train(plan.clock().epoch(), plan.clock().batchInEpoch(), plan.lossScale());
      plan.afterBackward();
      if (plan.clock().batchInEpoch() == 8) {
        plan.endEpoch();
      }
    }
  }

  private static String clock(TrainingPlan plan) {
    var c = plan.clock();
    return c.epoch() + " " + c.inEpoch() + " " + c.step() + " " + c.batchInEpoch() + " " + c.microBatch() + " " + c.skippedSteps();
  }

  private static int[] bits(Parameter p) {
    float[] v = p.values().toArray();
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Float.floatToRawIntBits(v[i]);
    }
    return out;
  }

  /** The groups' hyperparameters with arrays (betas) spelled out, each double by its bits. */
  private static String groups(OptimizerState state) {
    StringBuilder out = new StringBuilder();
    for (var group : state.groups()) {
      group.forEach((key, value) -> out.append(key).append('=').append(value instanceof double[] d ? Arrays.toString(d)
          : value instanceof Double v ? Long.toHexString(Double.doubleToRawLongBits(v)) : String.valueOf(value)).append(' '));
      out.append('\n');
    }
    return out.toString();
  }

  private static void assertSameState(OptimizerState expected, OptimizerState actual) {
    assertEquals(expected.type(), actual.type());
    assertEquals(groups(expected), groups(actual), "hyperparameters, lr included");
    assertEquals(expected.state().keySet(), actual.state().keySet());
    expected.state().forEach((name, s) -> {
      OptimizerState.ParamState other = actual.state().get(name);
      assertEquals(s.scalars(), other.scalars(), name);
      s.tensors().forEach((key, values) -> {
        float[] o = other.tensors().get(key);
        for (int i = 0; i < values.length; i++) {
          assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(o[i]), name + "/" + key + "[" + i + "]");
        }
      });
    });
  }

  @Test
  void afterTheTestTheModelTheOptimizerAndTheScheduleAreBitForBitAsBeforeAndTrainingContinuesIdentically() throws IOException {
    Model m = new Model();
    Model twin = new Model();
    TrainingPlan plan = plan(m);
    TrainingPlan twinPlan = plan(twin);
    train(plan, m, 6);      // mid-epoch, 3 steps in: optimizer state, warmup under way
    train(twinPlan, twin, 6);
    List<StepReport> heard = new ArrayList<>();
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        heard.add(report);
      }
    });
    int[] bodyBits = bits(m.a);
    int[] headBits = bits(m.b);
    OptimizerState state = plan.optimizer().stateDict();
    String clock = clock(plan);
    List<double[]> usedLrs = new ArrayList<>();
    plan.hooks().afterStep((p, t) -> usedLrs.add(new double[] {p.groups().get(0).lr(), p.groups().get(1).lr()}));

    LrFinderResult result = LrFinder.of(plan).range(1e-6, 1.0).steps(30).run(m::train);

    assertTrue(result.steps() >= 10, "it ran: " + result.stopReason());
    assertEquals("head", result.referenceGroup(), "the group with the largest lr leads");
    assertEquals(0.1, result.ratios().get("body"), 1e-15, "ratio of 1e-3 (body) to 1e-2 (head), lrs as the test began");
    assertEquals(result.steps(), usedLrs.size(), "the plan's own hooks still run in the test");
    for (int k = 0; k < result.steps(); k++) {
      assertEquals(result.lrs()[k], usedLrs.get(k)[1], 1e-18, "head got the sweep's lr at step " + k);
      assertEquals(result.lrs()[k] * 0.1, usedLrs.get(k)[0], 1e-18, "body kept its ratio at step " + k);
    }
    assertTrue(heard.isEmpty(), "listeners hear nothing of the test: " + heard.size());

    assertTrue(Arrays.equals(bodyBits, bits(m.a)) && Arrays.equals(headBits, bits(m.b)), "parameters bit for bit");
    assertSameState(state, plan.optimizer().stateDict());
    assertEquals(clock, clock(plan));
    assertEquals(null, m.a.grad(), "no gradient left behind");

    usedLrs.clear();
    train(plan, m, 12);
    train(twinPlan, twin, 12);
    assertTrue(Arrays.equals(bits(twin.a), bits(m.a)) && Arrays.equals(bits(twin.b), bits(m.b)),
        "training after the test is the training without it");
    assertSameState(twinPlan.optimizer().stateDict(), plan.optimizer().stateDict());
    assertEquals(6, heard.size(), "listeners hear training again: 12 micro-batches, 6 steps");
  }

  @Test
  void aFailingBatchFunctionStillRestoresThePlan() throws IOException {
    Model m = new Model();
    TrainingPlan plan = plan(m);
    train(plan, m, 4);
    int[] before = bits(m.a);
    OptimizerState state = plan.optimizer().stateDict();
    int[] calls = {0};
    RuntimeException e = assertThrows(RuntimeException.class, () -> LrFinder.of(plan).steps(20).run((epoch, batch, scale) -> {
      if (++calls[0] == 9) {
        throw new IllegalStateException("data loader broke");
      }
      return m.train(epoch, batch, scale);
    }));
    assertEquals("data loader broke", e.getMessage());
    assertTrue(Arrays.equals(before, bits(m.a)));
    assertSameState(state, plan.optimizer().stateDict());
  }

  @Test
  void divergenceStopsTheTestEarly() throws IOException {
    Model m = new Model();
    TrainingPlan plan = plan(m);
    LrFinderResult result = LrFinder.of(plan).range(1e-4, 1e4).steps(100).run(m::train);
    assertTrue(result.stoppedEarly(), "lr up to 1e4 diverges");
    assertTrue(result.steps() < 100);
    assertFalse(result.suggestions().isEmpty(), result.stopReason());
  }

  @Test
  void refusesBadRanges() {
    TrainingPlan plan = plan(new Model());
    assertThrows(IllegalArgumentException.class, () -> LrFinder.of(plan).range(1e-3, 1e-4));
    assertThrows(IllegalArgumentException.class, () -> LrFinder.of(plan).range(0, 1));
    assertThrows(IllegalArgumentException.class, () -> LrFinder.of(plan).steps(1));
    assertThrows(IllegalArgumentException.class, () -> LrFinder.of(plan).earlyStopThreshold(1.0));
  }
}
