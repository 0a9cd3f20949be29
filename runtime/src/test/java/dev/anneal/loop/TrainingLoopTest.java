package dev.anneal.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.Accumulation;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
  @TempDir Path dir;

  /** Fits w to 3 and b to -2 on y = 3x - 2, with a fixed x per (epoch, batch). */
  private static final class Line {
    final Parameter w = Parameter.of("w", 0f);
    final Parameter b = Parameter.of("b", 0f);
    boolean poison;

    double train(int epoch, long batch, double scale) {
      float x = (float) StrictMath.sin(epoch * 11.0 + batch) * 2f;
      float err = w.values().get(0) * x + b.values().get(0) - (3 * x - 2);
      if (poison && epoch == 1 && batch == 2) {
        return Double.NaN;
      }
      add(w, (float) scale * 2 * err * x);
      add(b, (float) scale * 2 * err);
      return err * err;
    }

    double validationLoss() {
      double w0 = w.values().get(0) - 3;
      double b0 = b.values().get(0) + 2;
      return w0 * w0 + b0 * b0;
    }

    private static void add(Parameter p, float g) {
      FloatStorage grad = p.gradOrZeros();
      grad.set(0, grad.get(0) + g);
    }
  }

  private static TrainingPlan plan(Line line) {
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(4).accumulate(2)
        .optimizer(Spec.of("SGD").with("lr", 0.05).with("momentum", 0.5))
        .group("w", line.w)
        .group("b", line.b, g -> g.set("lr", 0.1))
        .build();
  }

  @Test
  void runsEpochsAndTellsListenersLrMomentumLossAndMetrics() {
    Line line = new Line();
    TrainingPlan plan = plan(line);
    List<StepReport> steps = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    List<Map<String, Double>> metrics = new ArrayList<>();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    TrainingResult result = TrainingLoop.of(plan)
        .train(line::train)
        .validate(epoch -> Map.of("val_loss", line.validationLoss()))
        .console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .listener(new TrainingListener() {
          @Override
          public void onStep(StepReport report) {
            steps.add(report);
          }

          @Override
          public void onLoss(TrainingClock clock, double loss) {
            losses.add(loss);
          }

          @Override
          public void onEpochEnd(TrainingClock clock, Map<String, Double> m) {
            metrics.add(m);
          }
        })
        .run();
    assertTrue(result.completed(), result.message());
    assertEquals(12, result.steps());
    assertEquals(12, steps.size());
    assertEquals(24, losses.size(), "8 micro-batches per epoch");
    assertEquals(0.05, steps.get(0).lr("w"));
    assertEquals(0.1, steps.get(0).lr("b"));
    assertEquals(0.5, steps.get(0).momentum("b"));
    assertEquals(3, metrics.size());
    assertTrue(metrics.get(2).get("val_loss") < metrics.get(0).get("val_loss"), "it learns: " + metrics);
    assertEquals(losses.subList(0, 8).stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
        metrics.get(0).get("train_loss"), 1e-12);
    String out = console.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("epoch 3/3") && out.contains("val_loss"), out);
  }

  /**
   * 30 micro-batches with accumulate(4) are 8 optimizer steps per epoch (7 windows and the partial
   * one the epoch's end steps), ceil(30 / 4), not Java's 30 / 4 = 7: a cosine over 3 such epochs
   * built with Accumulation's count ends exactly at eta_min on the run's last step.
   */
  @Test
  void stepsPerEpochUnderAccumulationAreTheCeilingOfMicroBatchesOverK() {
    assertEquals(8, Accumulation.optimizerSteps(30, 4));
    assertEquals(7, Accumulation.optimizerSteps(28, 4));
    assertEquals(1, Accumulation.optimizerSteps(3, 4));
    assertEquals(30, Accumulation.stepsPerEpoch(30, 1));
    assertThrows(IllegalArgumentException.class, () -> Accumulation.optimizerSteps(0, 4));
    assertThrows(IllegalArgumentException.class, () -> Accumulation.optimizerSteps(30, 0));

    Line line = new Line();
    long perEpoch = Accumulation.optimizerSteps(30, 4);
    TrainingPlan plan = TrainingPlan.builder().epochs(3).stepsPerEpoch(perEpoch).accumulate(4)
        .optimizer(Spec.of("SGD").with("lr", 0.05))
        .group("w", line.w)
        .group("b", line.b)
        .schedule(Spec.of("CosineAnnealingLR").with("T_max", (int) (3 * perEpoch)).with("eta_min", 0.001), Interval.STEP)
        .build();
    List<Double> lrs = new ArrayList<>();
    TrainingResult result = TrainingLoop.of(plan).batchesPerEpoch(30).train(line::train).console(null)
        .listener(new TrainingListener() {
          @Override
          public void onStep(StepReport report) {
            lrs.add(report.lr("w"));
          }
        })
        .run();
    assertTrue(result.completed(), result.message());
    assertEquals(24, result.steps(), "3 epochs of ceil(30 / 4) = 8 steps");
    assertEquals(24, lrs.size());
    // the last step runs at position 23 of T_max = 24, and the schedule then stands at its end
    assertEquals(0.001 + (0.05 - 0.001) * (1 + Math.cos(Math.PI * 23 / 24)) / 2, lrs.get(23), 1e-15);
    assertEquals(0.001, plan.groups().get(0).lr(), 1e-15);
  }

  @Test
  void nonFiniteLossStopsWithAClearMessageAndUpdatesNothing() {
    Line line = new Line();
    line.poison = true;
    TrainingPlan plan = plan(line);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    TrainingResult result = TrainingLoop.of(plan).train(line::train)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).run();
    assertFalse(result.completed());
    assertEquals(TrainingResult.Status.STOPPED_NON_FINITE_LOSS, result.status());
    assertTrue(result.message().contains("loss is NaN at epoch 2/3, batch 2") && result.message().contains("Lower the learning rate"),
        result.message());
    assertEquals(5, result.steps(), "4 steps in epoch 1, 1 in epoch 2 before batch 2");
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("Training stopped"));
  }

  @Test
  void resumesFromAnEpochCheckpointToTheSameResult() throws Exception {
    Line full = new Line();
    TrainingLoop.of(plan(full)).train(full::train).validate(e -> Map.of("val_loss", full.validationLoss()))
        .console(null).run();

    Path file = dir.resolve("line.ckpt");
    Line first = new Line();
    TrainingPlan firstPlan = TrainingPlan.builder().epochs(2).stepsPerEpoch(4).accumulate(2)
        .optimizer(Spec.of("SGD").with("lr", 0.05).with("momentum", 0.5))
        .group("w", first.w).group("b", first.b, g -> g.set("lr", 0.1)).build();
    TrainingLoop.of(firstPlan).train(first::train).console(null).checkpointEachEpoch(file).run();

    Line second = new Line();
    TrainingPlan secondPlan = plan(second);
    secondPlan.load(file);
    TrainingResult result = TrainingLoop.of(secondPlan).train(second::train).console(null).run();
    assertTrue(result.completed());
    assertEquals(1, result.epochMetrics().size(), "only the remaining epoch ran");
    assertArrayEquals(full.w.values().toArray(), second.w.values().toArray(), 0f);
    assertArrayEquals(full.b.values().toArray(), second.b.values().toArray(), 0f);
  }

  @Test
  void lbfgsStepsThroughClosuresThatReevaluateTheBatch() {
    Line line = new Line();
    int[] calls = {0};
    TrainingPlan plan = TrainingPlan.builder().epochs(2).stepsPerEpoch(3)
        .optimizer(Spec.of("LBFGS").with("lr", 1.0).with("max_iter", 4).with("line_search_fn", "strong_wolfe"))
        .group("line", dev.anneal.param.ParameterSource.of(line.w, line.b))
        .build();
    double before = line.validationLoss();
    TrainingResult result = TrainingLoop.of(plan).console(null)
        .train((epoch, batch, scale) -> {
          calls[0]++;
          return line.train(epoch, batch, scale);
        })
        .validate(e -> Map.of("val_loss", line.validationLoss()))
        .run();
    assertTrue(result.completed(), result.message());
    assertEquals(6, result.steps());
    assertTrue(calls[0] > 6 * 2, "each step evaluates its batch more than twice: " + calls[0]);
    assertTrue(line.validationLoss() < before / 10, before + " -> " + line.validationLoss());
  }

  @Test
  void tellsTheProgressListenerEveryEpochAndBatchAndClosesIt() {
    Line line = new Line();
    List<String> events = new ArrayList<>();
    TrainingLoop.of(plan(line)).train(line::train).console(null)
        .progress(new ProgressListener() {
          @Override
          public void startEpoch(int epoch, int epochs, long batches, long done) {
            events.add("start " + epoch + "/" + epochs + " " + batches + " " + done);
          }

          @Override
          public void step(String message) {
            events.add(message.startsWith("loss ") ? "step" : "bad message " + message);
          }

          @Override
          public void close() {
            events.add("close");
          }
        })
        .run();
    assertEquals("start 0/3 8 0", events.get(0));
    assertEquals(List.of("step"), events.subList(1, 9).stream().distinct().toList());
    assertEquals("close", events.get(9));
    assertEquals("start 2/3 8 0", events.get(20));
    assertEquals(3 * 10 + 1, events.size(), "3 epochs of start, 8 steps, close, then the closing close: " + events);
  }

  @Test
  void theRuntimeDependsOnNoProgressBarOrPlottingLibrary() {
    // The runtime's test class path is its compile class path plus JUnit: neither library may be on it.
    for (String name : List.of("me.tongfei.progressbar.ProgressBar", "org.knowm.xchart.XYChart")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name + " is on the runtime's class path");
    }
  }

  @Test
  void printsNothingByDefaultAndItsLinesThroughAConsoleListener() {
    PrintStream err = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Line line = new Line();
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      TrainingLoop.of(plan(line)).train(line::train)
          .listener(ConsoleListener.to(new PrintStream(console, true, StandardCharsets.UTF_8))).run();
    } finally {
      System.setErr(err);
    }
    assertEquals("", stderr.toString(StandardCharsets.UTF_8), "the loop logs through SLF4J and prints nothing itself");
    String out = console.toString(StandardCharsets.UTF_8);
    assertEquals(3, out.lines().count(), out);
    assertTrue(out.startsWith("epoch 1/3  train_loss ") && out.contains("  lr w="), out);
  }
}
