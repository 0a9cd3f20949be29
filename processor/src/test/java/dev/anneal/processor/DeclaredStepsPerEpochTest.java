package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code @Training(stepsPerEpoch = 8)}: {@code plan(model)} passes 8, and {@code plan(model, n)}
 * derives every length counted in steps from {@code n}, never from the declared 8.
 */
class DeclaredStepsPerEpochTest {

  private static String generated(String annotations) throws IOException {
    Compilation compilation = compile(model(annotations, "  Layer a;"));
    assertThat(compilation).succeeded();
    return compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void lengthsInStepsAreExpressionsOfTheRunTimeStepsPerEpoch() throws IOException {
    String source = generated("@Training(epochs = 5, stepsPerEpoch = 8)\n@Optimizer(type = OptimizerType.ADAMW, lr = 0.001)\n"
        + "@Warmup(epochs = 1)\n@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)");
    assertThat(source).contains(".warmupSteps(stepsPerEpoch)");
    assertThat(source).contains(".tMax(4 * stepsPerEpoch)");
    assertThat(source).doesNotContain(".tMax(32)");
    assertThat(source).contains("return plan(model, 8);");
    String recipe = generated("@Training(epochs = 5, stepsPerEpoch = 8)\n@Optimizer(type = OptimizerType.ADAMW, lr = 0.001)\n"
        + "@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, interval = Interval.STEP, numWarmupSteps = 4)");
    assertThat(recipe).contains(".numTrainingSteps(5 * stepsPerEpoch)");
    assertThat(recipe).doesNotContain(".numTrainingSteps(40)");
  }

  @Test
  void oneCycleTotalStepsToo() throws IOException {
    String source = generated("@Training(epochs = 3, stepsPerEpoch = 8)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.5, interval = Interval.STEP)");
    assertThat(source).contains(".totalSteps(3 * stepsPerEpoch)");
    assertThat(source).doesNotContain(".totalSteps(24)");
  }
}
