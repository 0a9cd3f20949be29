package dev.anneal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import dev.anneal.spec.typed.FairseqInverseSqrtLR;
import dev.anneal.spec.typed.LinearWithWarmupLR;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fairseq's {@code inverse_sqrt} with {@code warmup_init_lr} and the Hugging Face Trainer's
 * {@code warmup_ratio}, against their formulas written out here.
 */
class RecipeSchedulesTest {
  private static Optimizer sgd(double... lrs) {
    List<ParamGroup> groups = new java.util.ArrayList<>();
    for (int g = 0; g < lrs.length; g++) {
      groups.add(new ParamGroup("g" + g, List.of(Parameter.of("w" + g, 0f))).with("lr", lrs[g]));
    }
    return Optimizers.create(Spec.of("SGD"), groups);
  }

  @Test
  void fairseqWarmsUpFromWarmupInitLrThenDecaysAsOneOverTheSquareRoot() {
    Optimizer o = sgd(5e-4, 1e-3);
    LrScheduler s = Schedulers.create(FairseqInverseSqrtLR.spec().warmupUpdates(4).warmupInitLr(1e-7), o);
    for (int n = 0; n <= 12; n++) {
      for (int g = 0; g < 2; g++) {
        double lr = g == 0 ? 5e-4 : 1e-3;
        double want = n < 4 ? 1e-7 + n * (lr - 1e-7) / 4 : lr * 2 / Math.sqrt(n);
        assertEquals(want, o.paramGroups().get(g).lr(), 1e-12 * want, "update " + n + ", group " + g);
      }
      s.step();
    }
  }

  @Test
  void fairseqDefaultWarmupInitLrIsZeroAndZeroWarmupUpdatesIsRefused() {
    Optimizer o = sgd(0.01);
    LrScheduler s = Schedulers.create(Spec.of("fairseq.InverseSquareRootSchedule").with("warmup_updates", 2), o);
    assertEquals(0.0, o.paramGroups().get(0).lr());
    s.step();
    assertEquals(0.005, o.paramGroups().get(0).lr(), 1e-18);
    Exception e = assertThrows(RuntimeException.class,
        () -> Schedulers.create(Spec.of("fairseq.InverseSquareRootSchedule").with("warmup_updates", 0), sgd(0.01)));
    assertTrue(e.getMessage().contains("warmup_updates"), e.getMessage());
  }

  @Test
  void warmupRatioIsTheCeilingOfTheRatioTimesTheTrainingSteps() {
    // 100 * 0.07 is 7.000000000000001 in floating point (as in Python): the Trainer warms up 8 steps, not 7
    Optimizer o = sgd(1.0);
    LrScheduler s = Schedulers.create(LinearWithWarmupLR.spec().warmupRatio(0.07).numTrainingSteps(100), o);
    double[] factors = {0, 1 / 8.0, 2 / 8.0, 3 / 8.0, 4 / 8.0, 5 / 8.0, 6 / 8.0, 7 / 8.0, 1, 91 / 92.0};
    for (double f : factors) {
      assertEquals(f, o.paramGroups().get(0).lr(), 1e-15);
      s.step();
    }
  }

  @Test
  void warmupRatioAndStepsTogetherOrNeitherAreRefused() {
    Exception both = assertThrows(RuntimeException.class, () -> Schedulers.create(
        LinearWithWarmupLR.spec().warmupRatio(0.1).numWarmupSteps(3).numTrainingSteps(30), sgd(1.0)));
    assertTrue(both.getMessage().contains("gives both num_warmup_steps and warmup_ratio"), both.getMessage());
    Exception neither = assertThrows(RuntimeException.class, () -> Schedulers.create(
        LinearWithWarmupLR.spec().numTrainingSteps(30), sgd(1.0)));
    assertTrue(neither.getMessage().contains("needs num_warmup_steps or warmup_ratio"), neither.getMessage());
  }
}
