package dev.anneal.samples.swa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.TrainingClock;
import dev.anneal.samples.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WeightAveragingTest {
  @TempDir Path out;

  @Test
  void theSwaAverageIsTheMeanOfTheWeightsAfterEachAveragedEpochAndEveryModelIsCompared() throws Exception {
    WeightAveraging sample = CommandLine.populateCommand(new WeightAveraging(),
        "--data", "slice", "--epochs", "3", "--swa-start", "1", "--batch", "100", "--out", out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Parameter> parameters = new ArrayList<>();
    List<Map<String, float[]>> snapshots = new ArrayList<>();

    WeightAveraging.Result result = sample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), plan -> {
      parameters.addAll(plan.parameters());
      plan.addListener(new PlanListener() {
        @Override
        public void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {
          if (clock.epoch() - 1 >= 1) {     // the epochs from --swa-start on (0-based epoch 1 and 2)
            Map<String, float[]> weights = new LinkedHashMap<>();
            parameters.forEach(p -> weights.put(p.name(), p.values().toArray()));
            snapshots.add(weights);
          }
        }
      });
    });
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(2, snapshots.size(), printed);
    assertEquals(2, result.swaModel().averagedCount(), printed);
    for (Parameter p : parameters) {
      float[] averaged = result.swaModel().averaged(p.name());
      for (int i = 0; i < averaged.length; i++) {
        double mean = (snapshots.get(0).get(p.name())[i] + (double) snapshots.get(1).get(p.name())[i]) / 2;
        assertEquals(mean, averaged[i], 1e-6 + 1e-6 * Math.abs(mean), p.name() + "[" + i + "]");
      }
    }
    // the two epochs' weights differ, so the average is neither of them
    assertTrue(differ(snapshots.get(0), snapshots.get(1)), "the weights did not move between the averaged epochs");

    assertTrue(printed.contains("epoch 3/3"), printed);
    assertTrue(printed.contains("swa: the average holds the weights after epochs 2-3 (2)"), printed);
    assertTrue(printed.contains("plain model (weights after the last epoch)"), printed);
    assertTrue(printed.contains("SWA of 2 epochs' weights, update_bn"), printed);
    assertTrue(printed.contains("SWA of 2 epochs' weights, the last weights' BatchNorm statistics"), printed);
    assertTrue(printed.contains("EMA of 90 steps (decay 0.9999, timm's warmup), update_bn"), printed);
    assertTrue(printed.contains("EMA of 90 steps (decay 0.9999, timm's warmup), BatchNorm statistics averaged"), printed);
    // on the slice's 1,000 test images after 3 epochs, better than guessing (10%) for every model
    for (var evaluation : List.of(result.plain(), result.swa(), result.ema(), result.emaAveragedStatistics())) {
      assertTrue(evaluation.accuracy() > 0.5, printed);
    }
  }

  @Test
  void anSwaStartAtOrAfterTheLastEpochIsTheMessageAlone() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.execute(new WeightAveraging(), new PrintWriter(out), new PrintWriter(err),
        "--data", "slice", "--epochs", "3", "--swa-start", "3");
    assertEquals(Cli.BAD_INPUT, status);
    assertEquals("error: --swa-start must be less than --epochs (3), was 3: no epoch would be averaged", err.toString().strip());
  }

  private static boolean differ(Map<String, float[]> a, Map<String, float[]> b) {
    for (String name : a.keySet()) {
      float[] x = a.get(name);
      float[] y = b.get(name);
      for (int i = 0; i < x.length; i++) {
        if (x[i] != y[i]) {
          return true;
        }
      }
    }
    return false;
  }
}
