package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The compile-time preview against PyTorch: expected cells are lrs recorded with torch 1.13
 * ({@code /usr/bin/python3}, SGD with momentum, the scheduler stepped once per epoch or step and
 * the lr read before each epoch's first step), printed with 4 decimals as the table does.
 */
class SchedulePreviewTest {

  private static List<String> column(String annotations, String fields, int column) throws IOException {
    Compilation compilation = Models.compile(Models.model(annotations, fields));
    assertThat(compilation).succeeded();
    String table = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    List<String> cells = new ArrayList<>();
    for (String line : table.lines().toList()) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length > column && parts[0].matches("\\d+")) {
        cells.add(parts[column]);
      }
    }
    return cells;
  }

  @Test
  void sequentialLinearThenCosinePerEpoch() throws IOException {
    List<String> lrs = column("@Training(epochs = 6)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@SequentialSchedule(value = {@Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, totalIters = 2),\n"
        + "    @Schedule(type = ScheduleType.COSINE, etaMin = 0.001)}, milestones = {2})", "  Layer a;", 1);
    // torch: SequentialLR(LinearLR(0.1, total_iters=2), CosineAnnealingLR(T_max=4, eta_min=0.001), milestones=[2])
    assertThat(lrs).containsExactly("1.0000e-02", "5.5000e-02", "1.0000e-01", "8.5502e-02", "5.0500e-02", "1.5498e-02").inOrder();
  }

  @Test
  void oneCyclePerStepWithKnownStepsPerEpoch() throws IOException {
    List<String> lrs = column("@Training(epochs = 3, stepsPerEpoch = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.1, interval = Interval.STEP)", "  Layer a;", 1);
    // torch: OneCycleLR(max_lr=0.1, total_steps=30), lr at steps 0, 10, 20
    assertThat(lrs).containsExactly("4.0000e-03", "9.7779e-02", "3.8874e-02").inOrder();
  }

  @Test
  void warmupRestartsPerStepWithKnownStepsPerEpoch() throws IOException {
    List<String> lrs = column("@Training(epochs = 5, stepsPerEpoch = 12)\n@Optimizer(type = OptimizerType.ADAM, lr = 0.01)\n"
        + "@Schedule(type = ScheduleType.COSINE_ANNEALING_WARMUP_RESTARTS, interval = Interval.STEP, firstCycleSteps = 20,\n"
        + "    cycleMult = 2, maxLr = 0.05, minLr = 0.0005, warmupSteps = 5, gamma = 0.5)", "  Layer a;", 1);
    // runtime/src/test/resources/conformance/schedulers/warmup_restarts.json, case warmup_restarts_per_batch_4_epochs_of_12
    // (the reference emulated in float64): the lr at steps 0, 12, 24, 36, 48
    assertThat(lrs).containsExactly("5.0000e-04", "2.7837e-02", "2.0100e-02", "1.7733e-02", "3.6465e-03").inOrder();
  }

  @Test
  void warmRestartsWithGrowingPeriods() throws IOException {
    List<String> lrs = column("@Training(epochs = 8)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.COSINE_WARM_RESTARTS, t0 = 2, tMult = 2, etaMin = 0.01)", "  Layer a;", 1);
    assertThat(lrs).containsExactly("1.0000e-01", "5.5000e-02", "1.0000e-01", "8.6820e-02", "5.5000e-02", "2.3180e-02",
        "1.0000e-01", "9.6575e-02").inOrder();
  }

  @Test
  void perGroupScheduleAndFreezeMarks() throws IOException {
    String annotations = "@Training(epochs = 6)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)";
    String fields = "  @LearningRate(0.01) @Freeze(untilEpoch = 2)\n"
        + "  @Schedule(type = ScheduleType.MULTI_STEP, milestones = {2, 4}, gamma = 0.5) Layer a;\n  Layer b;";
    // column 1 is the freeze mark of group a while it is marked, so read the whole row through the last cells
    List<String> marksOrLrs = column(annotations, fields, 1);
    assertThat(marksOrLrs.subList(0, 3)).containsExactly("F", "F", "U").inOrder();
    List<String> lrs = new ArrayList<>();
    for (int epoch = 0; epoch < 6; epoch++) {
      lrs.add(epoch <= 2 ? column(annotations, fields, 2).get(epoch) : marksOrLrs.get(epoch));
    }
    // torch: MultiStepLR(milestones=[2, 4], gamma=0.5) on lr 0.01
    assertThat(lrs).containsExactly("1.0000e-02", "1.0000e-02", "5.0000e-03", "5.0000e-03", "2.5000e-03", "2.5000e-03").inOrder();
  }
}
