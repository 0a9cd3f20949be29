package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Warmup(steps = ...)} before a schedule stepped per epoch (YOLOv3-SPP's recipe): the
 * generated plan warms up per optimizer step and multiplies the epoch schedule's value, and uses
 * at every step the lr of the seed's PyTorch loop recorded in the runtime's
 * {@code conformance/plans/step_warmup.json} (by {@code runtime/src/test/python/record_step_warmup_fixtures.py}).
 */
class StepWarmupTest {
  private static final String YOLO = "@Training(epochs = 5, stepsPerEpoch = 8)\n"
      + "@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.937)\n"
      + "@Warmup(steps = 7, startFactor = 0.001)\n"
      + "@Schedule(type = ScheduleType.COSINE, etaMin = 1e-4)";

  @Test
  void generatedPlanUsesTheLrsOfTheSeedsLoop() throws Exception {
    Compilation compilation = Models.compile(Models.model(YOLO, "  Parameter weights = Parameter.zeros(\"w\", 1);"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains(
        ".stepWarmup(LinearWarmup.spec().warmupSteps(7).warmupFactor(0.001))");
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains(
        ".schedule(CosineAnnealingLR.spec().etaMin(1.0E-4).tMax(5), Interval.EPOCH)");

    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, getClass().getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    Method plan = loader.loadClass("test.MTraining").getMethod("plan", modelClass);
    List<Double> used = new ArrayList<>();
    TrainingPlan trainingPlan = (TrainingPlan) plan.invoke(null, constructor.newInstance());
    trainingPlan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        used.add(report.lrs()[0]);
      }
    });
    for (int epoch = 0; epoch < 5; epoch++) {
      trainingPlan.startEpoch();
      for (int batch = 0; batch < 8; batch++) {
        for (Parameter p : trainingPlan.parameters()) {
          p.setGrad(FloatStorage.wrap(new float[p.size()]));
        }
        trainingPlan.afterBackward();
      }
      trainingPlan.endEpoch();
    }
    List<Double> expected = fixture("yolov3_spp_warmup_in_first_epoch");
    assertThat(used).hasSize(expected.size());
    for (int step = 0; step < expected.size(); step++) {
      assertThat(used.get(step)).isWithin(1e-12 + 1e-10 * expected.get(step)).of(expected.get(step));
    }
  }

  @Test
  void previewMultipliesTheWarmupFactorAtTheEpochsFirstStep() throws Exception {
    Compilation compilation = Models.compile(Models.model(YOLO, "  Layer a;"));
    String table = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    // epoch 0 starts at warmup_factor * lr, later epochs follow the cosine alone (the warmup ends in epoch 0)
    assertThat(table).contains("    0  1.0000e-05");
    assertThat(table).contains("    1  9.0546e-03");
  }

  @SuppressWarnings("unchecked")
  private static List<Double> fixture(String name) throws Exception {
    Path file = Path.of("..", "runtime", "src", "test", "resources", "conformance", "plans", "step_warmup.json");
    List<Map<String, Object>> cases = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
    for (Map<String, Object> c : cases) {
      if (c.get("name").equals(name)) {
        return ((List<List<Number>>) c.get("lrs")).stream().map(step -> step.get(0).doubleValue()).toList();
      }
    }
    throw new AssertionError("no fixture case " + name);
  }
}
