package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case of {@code conformance/plans} (recorded from PyTorch training loops by
 * {@code src/test/python/record_step_warmup_fixtures.py}, whose docstring gives the case's keys):
 * a plan with the case's {@code stepWarmup} and its schedule stepped per epoch must use, at every
 * optimizer step, the lr the loop used, within {@code 1e-12 + 1e-10 * |expected|}.
 */
class StepWarmupConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  List<DynamicTest> everyCase() throws IOException, URISyntaxException {
    Path folder = Path.of(StepWarmupConformanceTest.class.getResource("/conformance/plans").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        List<Map<String, Object>> cases = JSON.readValue(file.toFile(), new TypeReference<>() {});
        for (Map<String, Object> c : cases) {
          tests.add(DynamicTest.dynamicTest(file.getFileName() + " / " + c.get("name"), () -> replay(c)));
        }
      }
    }
    assertFalse(tests.isEmpty(), "no plan fixtures found");
    return tests;
  }

  @SuppressWarnings("unchecked")
  private static void replay(Map<String, Object> c) {
    List<Double> initialLrs = ((List<Number>) c.get("initial_lrs")).stream().map(Number::doubleValue).toList();
    int epochs = (Integer) c.get("epochs");
    int stepsPerEpoch = (Integer) c.get("steps_per_epoch");
    Spec optimizer = Spec.fromMap(Map.of("type", c.get("optimizer"))).with("lr", initialLrs.get(0));
    for (Map.Entry<String, Object> kwarg : ((Map<String, Object>) c.get("optimizer_kwargs")).entrySet()) {
      optimizer = optimizer.with(kwarg.getKey(), kwarg.getValue());
    }
    List<double[]> used = new ArrayList<>();
    TrainingPlanBuilder builder = TrainingPlan.builder().epochs(epochs).stepsPerEpoch(stepsPerEpoch).optimizer(optimizer)
        .stepWarmup(Spec.fromMap((Map<String, Object>) c.get("warmup")))
        .schedule(Spec.fromMap((Map<String, Object>) c.get("schedule")), Interval.EPOCH)
        .listener(new PlanListener() {
          @Override
          public void onStep(StepReport report) {
            used.add(report.lrs().clone());
          }
        });
    for (int g = 0; g < initialLrs.size(); g++) {
      double lr = initialLrs.get(g);
      builder.group("g" + g, Parameter.zeros("p" + g, 1), config -> config.set("lr", lr));
    }
    TrainingPlan plan = builder.build();
    for (int epoch = 0; epoch < epochs; epoch++) {
      plan.startEpoch();
      for (int batch = 0; batch < stepsPerEpoch; batch++) {
        for (Parameter p : plan.parameters()) {
          p.setGrad(FloatStorage.wrap(new float[p.size()]));
        }
        plan.afterBackward();
      }
      plan.endEpoch();
    }
    List<List<Number>> expected = (List<List<Number>>) c.get("lrs");
    assertEquals(expected.size(), used.size(), "optimizer steps");
    for (int step = 0; step < expected.size(); step++) {
      for (int g = 0; g < initialLrs.size(); g++) {
        double want = expected.get(step).get(g).doubleValue();
        double got = used.get(step)[g];
        if (!(Math.abs(got - want) <= 1e-12 + 1e-10 * Math.abs(want))) {
          fail(c.get("name") + ": step " + step + ", group " + g + " used lr " + got + ", PyTorch's loop used " + want);
        }
      }
    }
  }

  @Test
  void aStepWarmupIsAWarmupWithoutChild() {
    assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().stepWarmup(Spec.of("StepLR").with("step_size", 2)));
    assertThrows(IllegalArgumentException.class, () -> TrainingPlan.builder().stepWarmup(Spec.of("LinearWarmup")
        .with("warmup_steps", 5).withChildren(Spec.of("CosineAnnealingLR").with("T_max", 3))));
    assertThrows(RuntimeException.class, () -> TrainingPlan.builder().stepWarmup(Spec.of("LinearWarmup")
        .with("warmup_steps", 5).with("warmup_factor", 1.5)));
  }
}
