package dev.anneal.reporting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.loop.TrainingLoop;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void drawsOneBarPerEpochOfATrainingLoop() {
    Parameter w = Parameter.of("w", 0f);
    TrainingPlan plan = TrainingPlan.builder().epochs(2).stepsPerEpoch(3)
        .optimizer(Spec.of("SGD").with("lr", 0.1)).group("w", w).build();
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    TrainingLoop.of(plan).console(null)
        .progress(new ConsoleProgress(new PrintStream(bar, true, StandardCharsets.UTF_8)))
        .train((epoch, batch, scale) -> {
          float err = w.values().get(0) - 1;
          w.gradOrZeros().set(0, 2 * err);
          return err * err;
        })
        .run();
    String drawn = bar.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("epoch 1/2") && drawn.contains("epoch 2/2"), drawn);
    assertTrue(drawn.contains("3/3"), "each bar ends full: " + drawn);
    assertTrue(drawn.contains("loss "), "the loop's message shows next to the bar: " + drawn);
  }
}
