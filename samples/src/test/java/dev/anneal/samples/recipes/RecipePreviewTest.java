package dev.anneal.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.preview.SchedulePreview;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-plan preview of the vision recipes, through their PlanFactories: what the steps use, lr_scale and warmups included. */
class RecipePreviewTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private List<String> csv(String model) {
    int code = SchedulePreview.run(new String[] {"plan", "--model", model, "--format", "csv"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString());
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void yolov5sPreviewShowsTheBiasesFallingAndTheMomentumWarmup() {
    List<String> lines = csv("YoloV5");
    assertEquals(1 + 8 * YoloV5Plan.TRACED, lines.size(), String.join("\n", lines.subList(0, 3)));
    assertEquals("step,epoch,lr-SGD/biases,lr-SGD/biases-frozen,lr-SGD/biases-momentum,lr-SGD/biases-weight_decay,"
        + "lr-SGD/weights,lr-SGD/weights-frozen,lr-SGD/weights-momentum,lr-SGD/weights-weight_decay,lr-SGD/default,"
        + "lr-SGD/default-frozen,lr-SGD/default-momentum,lr-SGD/default-weight_decay", lines.get(0));
    // the first step: biases at warmup_bias_lr 0.1, the others at 0, momentum at warmup_momentum 0.8
    assertEquals("0,0,0.1,false,0.8,0.0,0.0,false,0.8,5.0E-4,0.0,false,0.8,0.0", lines.get(1));
  }

  @Test
  void maesPreviewShowsEveryLayer() {
    List<String> lines = csv("MaeFinetune");
    String header = lines.get(0);
    for (int layer = 0; layer <= 4; layer++) {
      assertTrue(header.contains("lr-AdamW/vit.layer_" + layer + ","), header);
    }
    // the warmup starts at 0: every part's lr is 0 at the first step, beta1 0.9
    assertTrue(lines.get(1).startsWith("0,0,0.0,false,0.9,0.0,0.0,false,0.9,0.05,"), lines.get(1));
  }
}
