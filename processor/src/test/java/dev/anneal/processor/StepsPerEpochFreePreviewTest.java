package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanPreview;
import dev.anneal.preview.PlanTrace;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The compile-time preview of step-interval schedules without {@code @Training(stepsPerEpoch)}:
 * the cells it shows are the lrs the generated plan really starts each epoch with, for any steps
 * per epoch (checked by running the plan with the runtime's {@link PlanPreview} at two of them),
 * and the cells it cannot show name the reason.
 */
class StepsPerEpochFreePreviewTest {
  private static final String FIELDS = "  @LearningRate(0.01) final Parameter a = Parameter.zeros(\"a\", 2);\n"
      + "  final Parameter b = Parameter.zeros(\"b\", 2);";

  private record Preview(Compilation compilation, String text, List<List<String>> rows) {
    List<String> column(int group) {
      return rows.stream().map(row -> row.get(group + 1)).toList();
    }
  }

  private static Preview preview(String annotations, String fields) throws IOException {
    Compilation compilation = Models.compile(Models.model(annotations, fields));
    assertThat(compilation).succeeded();
    String text = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.lines().toList()) {
      List<String> cells = List.of(line.trim().split("\\s+"));
      if (!cells.isEmpty() && cells.get(0).matches("\\d+")) {
        rows.add(cells);
      }
    }
    return new Preview(compilation, text, rows);
  }

  /** The lr each group's first optimizer step of each epoch takes, from the generated plan run by the runtime. */
  private static List<List<String>> run(Compilation compilation, int stepsPerEpoch) throws Exception {
    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, StepsPerEpochFreePreviewTest.class.getClassLoader());
    Class<?> model = loader.loadClass("test.M");
    Constructor<?> constructor = model.getDeclaredConstructor();
    constructor.setAccessible(true);
    Method plan = loader.loadClass("test.MTraining").getMethod("plan", model, int.class);
    PlanTrace trace = PlanPreview.of((TrainingPlan) plan.invoke(null, constructor.newInstance(), stepsPerEpoch)).run();
    List<List<String>> rows = new ArrayList<>();
    for (int epoch = 0; epoch < trace.epochs(); epoch++) {
      PlanTrace.Step first = trace.epoch(epoch).get(0);
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(epoch));
      for (int g = 0; g < trace.groups().size(); g++) {
        row.add(String.format(Locale.ROOT, "%.4e", first.lr(g)));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void assertShownAndTrue(String annotations) throws Exception {
    Preview preview = preview(annotations, FIELDS);
    assertWithMessage(preview.text()).that(preview.rows().stream().flatMap(List::stream).filter(c -> c.startsWith("n/a")).toList())
        .isEmpty();
    for (int stepsPerEpoch : new int[] {5, 37}) {
      assertWithMessage("at %s steps per epoch:\n%s", stepsPerEpoch, preview.text())
          .that(run(preview.compilation(), stepsPerEpoch)).isEqualTo(preview.rows());
    }
  }

  @Test
  void warmupInEpochsThenCosineOverTheTrainingIsShownAsTrainingRunsIt() throws Exception {
    assertShownAndTrue("@Training(epochs = 6)\n@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3)\n"
        + "@Warmup(epochs = 1, startFactor = 0.01)\n@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-6)");
  }

  @Test
  void timmCosineOverTheTraining() throws Exception {
    assertShownAndTrue("@Training(epochs = 5)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.TIMM_COSINE, interval = Interval.STEP, lrMin = 1e-4)");
  }

  @Test
  void linearDecayRecipeWithoutWarmupAndAWarmupOfTwoEpochs() throws Exception {
    assertShownAndTrue("@Training(epochs = 5)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, numWarmupSteps = 0, interval = Interval.STEP)");
    assertShownAndTrue("@Training(epochs = 5)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Warmup(epochs = 2, startFactor = 0.1)\n@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)");
  }

  @Test
  void aWarmupInStepsShowsEpochZeroAndNamesTheReasonAfter() throws Exception {
    Preview preview = preview("@Training(epochs = 4)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Warmup(steps = 200, startFactor = 0.01)\n@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)", FIELDS);
    assertThat(preview.column(0)).containsExactly("1.0000e-04", "n/a(1)", "n/a(1)", "n/a(1)").inOrder();
    assertThat(preview.text()).contains("(1) depends on stepsPerEpoch: warmup counted in steps (200)");
    assertThat(preview.text()).contains("n/a(k) = depends on the steps per epoch");
    assertThat(run(preview.compilation(), 100).get(0)).isEqualTo(preview.rows().get(0));
  }

  @Test
  void cyclicLrCountsItsHalfCyclesInSteps() throws Exception {
    Preview preview = preview("@Training(epochs = 3)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.CYCLIC, baseLr = 0.001, maxLr = 0.01, stepSizeUp = 500, interval = Interval.STEP)", FIELDS);
    assertThat(preview.column(0)).containsExactly("1.0000e-03", "n/a(1)", "n/a(1)").inOrder();
    assertThat(preview.text()).contains("(1) depends on stepsPerEpoch: CyclicLR step_size_up counted in steps (500");
  }

  @Test
  void aRecipesWarmupInStepsAndOneCyclesOffsetAreNamed() throws Exception {
    Preview recipe = preview("@Training(epochs = 3)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.COSINE_WITH_WARMUP, numWarmupSteps = 100, interval = Interval.STEP)", FIELDS);
    assertThat(recipe.column(1)).containsExactly("0.0000e+00", "n/a(1)", "n/a(1)").inOrder();
    assertThat(recipe.text()).contains("(1) depends on stepsPerEpoch: CosineWithWarmupLR num_warmup_steps counted in steps (100)");

    Preview oneCycle = preview("@Training(epochs = 3)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.1, interval = Interval.STEP)", FIELDS);
    // Even epoch 0: with fewer than 1 / (0.3 * 3) steps per epoch the rising phase ends before step 0.
    assertThat(oneCycle.column(1)).containsExactly("n/a(1)", "n/a(1)", "n/a(1)");
    assertThat(oneCycle.text()).contains("(1) depends on stepsPerEpoch: OneCycleLR at an epoch's start is not a function of the "
        + "fraction of training done (");
  }
}
