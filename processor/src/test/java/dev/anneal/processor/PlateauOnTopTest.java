package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @ReduceLrOnPlateau} next to a class's main schedule: a second scheduler on the optimizer,
 * stepped with the monitored metric at each epoch's end after the main one (as Lightning drives a
 * per-step schedule and a plateau config), and the other additions of the NLP recipes written as DSL calls. A reduction in a chainable schedule (the cosine) stays;
 * the numbers below are worked out by hand from PyTorch's formulas.
 */
class PlateauOnTopTest {
  private static final String MODEL = "@Training(epochs = 3, stepsPerEpoch = 2)\n"
      + "@Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
      + "@Warmup(steps = 2, startFactor = 0.001)\n"
      + "@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)\n"
      + "@ReduceLrOnPlateau(monitor = \"val_loss\", factor = 0.5, patience = 0)";

  @Test
  void generatedPlanStepsThePlateauAfterThePerStepSchedule() throws Exception {
    Compilation compilation = Models.compile(Models.model(MODEL, "  Parameter weights = Parameter.zeros(\"w\", 1);"));
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().filter(w -> w.getMessage(null).contains("anneal:")).toList()).isEmpty();
    String source = compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
    int main = source.indexOf(".schedule(LinearWarmup.spec()");
    int plateau = source.indexOf(".schedule(ReduceLROnPlateau.spec().factor(0.5).patience(0), Interval.EPOCH)");
    assertThat(main).isAtLeast(0);
    assertThat(plateau).isGreaterThan(main);
    assertThat(source).contains(".monitor(\"val_loss\")");
    String preview = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    assertThat(preview).contains("with ReduceLROnPlateau on val_loss on top");
    assertThat(preview).contains("1.0000e-01~");

    List<Double> lrs = run(compilation, new double[] {1.0, 2.0, 3.0});
    double cosineAt2 = 0.1 * (1 + Math.cos(Math.PI * 2 / 4)) / 2; // T_max = 6 - 2 warmup steps
    assertEquals(List.of(0.1 * 0.001, 0.1 * (0.001 * 0.5 + 0.5), 0.1, 0.1 * (1 + Math.cos(Math.PI / 4)) / 2).toString(),
        lrs.subList(0, 4).toString().replace("1.0000000000000002E-4", "1.0E-4"));
    // epoch 1 was worse: halved after the cosine stepped to position 2, then the cosine scales the halved lr
    assertEquals(cosineAt2 * 0.5, lrs.get(4), 1e-15);
    assertEquals(cosineAt2 * 0.5 * (1 + Math.cos(3 * Math.PI / 4)) / (1 + Math.cos(Math.PI / 2)), lrs.get(5), 1e-15);
  }

  @Test
  void windowLossScaleIsWrittenAsTheDslCall() throws Exception {
    Compilation compilation = Models.compile(Models.model("@Training(epochs = 2)\n"
        + "@Optimizer(type = OptimizerType.ADAMW, lr = 5e-5)\n"
        + "@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, interval = Interval.STEP, warmupRatio = 0.1)\n"
        + "@Accumulate(value = 4, lossScale = LossScale.WINDOW)", "  Parameter weights = Parameter.zeros(\"w\", 1);"));
    assertThat(compilation).succeeded();
    String source = compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
    assertThat(source).contains(".accumulate(4, LossScale.WINDOW)");
    assertThat(source).contains(".schedule(LinearWithWarmupLR.spec().warmupRatio(0.1).numTrainingSteps(2 * stepsPerEpoch), Interval.STEP)");
    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, PlateauOnTopTest.class.getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    TrainingPlan plan = (TrainingPlan) loader.loadClass("test.MTraining").getMethod("plan", modelClass, int.class)
        .invoke(null, constructor.newInstance(), 3);
    plan.startEpoch();
    assertEquals(0.25, plan.lossScale(10));
  }

  private static List<Double> run(Compilation compilation, double[] valLoss) throws Exception {
    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, PlateauOnTopTest.class.getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    Method plan = loader.loadClass("test.MTraining").getMethod("plan", modelClass);
    TrainingPlan trainingPlan = (TrainingPlan) plan.invoke(null, constructor.newInstance());
    List<Double> used = new ArrayList<>();
    trainingPlan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        used.add(report.lrs()[0]);
      }
    });
    for (int epoch = 0; epoch < 3; epoch++) {
      trainingPlan.startEpoch();
      for (int batch = 0; batch < 2; batch++) {
        for (Parameter p : trainingPlan.parameters()) {
          p.setGrad(FloatStorage.wrap(new float[p.size()]));
        }
        trainingPlan.afterBackward();
      }
      trainingPlan.finishEpochSteps();
      trainingPlan.endEpoch(Map.of("val_loss", valLoss[epoch]));
    }
    return used;
  }
}
