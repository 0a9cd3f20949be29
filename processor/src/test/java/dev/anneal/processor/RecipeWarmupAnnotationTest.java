package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.generatedCompact;
import static dev.anneal.processor.Models.model;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import dev.anneal.processor.base.Message;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Warmup startLr}, {@code startMomentum} and {@code holdAfter} (YOLOv5's warmup):
 * written as LinearWarmup's step-warmup arguments, one compile error per misuse on the attribute.
 */
class RecipeWarmupAnnotationTest {
  private static final String YOLO = "@Training(epochs = 8, stepsPerEpoch = 20)\n"
      + "@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.937)\n"
      + "@Schedule(type = ScheduleType.LINEAR, startFactor = 1.0, endFactor = 0.01, totalIters = 8)\n";

  @Test
  void yolov5sWarmupIsWrittenAsStepWarmups() throws Exception {
    Compilation compilation = strict(model(YOLO + "@Warmup(steps = 100, startFactor = 0, startMomentum = 0.8, holdAfter = true)",
        String.join("\n",
            "  @Warmup(steps = 100, startLr = 0.1, startMomentum = 0.8) Parameter bias = Parameter.zeros(\"b\", 2);",
            "  Parameter weight = Parameter.zeros(\"w\", 2, 2);")));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generatedCompact(compilation);
    assertThat(code).contains(".group(\"bias\",model.bias,g->g"
        + ".stepWarmup(LinearWarmup.spec().warmupSteps(100).warmupStartLr(0.1).warmupMomentum(0.8)))");
    assertThat(code).contains(".stepWarmup(LinearWarmup.spec().warmupSteps(100).warmupFactor(0.0).warmupMomentum(0.8).holdAfter(true))");
  }

  @Test
  void thePreviewInterpolatesFromTheStartLrAndHoldsTheScheduleAfterTheWarmup() throws Exception {
    Compilation compilation = compile(model(YOLO + "@Warmup(steps = 100, startFactor = 0, holdAfter = true)",
        "  @Warmup(steps = 100, startLr = 0.1) Layer bias;\n  Layer weight;"));
    assertThat(compilation).succeeded();
    String table = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    // epoch 1 starts at step 20: the bias interpolates from 0.1 towards 0.01 * lf(1) = 0.0087625,
    // (0.0087625 - 0.1) / 100 * 20 + 0.1 = 0.0817525; the weights at 20 / 100 of it
    assertThat(table).containsMatch("\\n\\s+1\\s+8\\.175[23]e-02\\s+1\\.7525e-03");
    // the warmup ends at step 100, epoch 5's first: epoch 5 runs at lf(5), epoch 6 still at lf(5), epoch 7 at lf(6)
    assertThat(table).containsMatch("\\n\\s+5\\s+3\\.8125e-03\\s+3\\.8125e-03");
    assertThat(table).containsMatch("\\n\\s+6\\s+3\\.8125e-03\\s+3\\.8125e-03");
    assertThat(table).containsMatch("\\n\\s+7\\s+2\\.5750e-03\\s+2\\.5750e-03");
  }

  @Test
  void minStepsIsYolov5sWarmupLength() throws Exception {
    Compilation compilation = strict(model("@Training(epochs = 8)\n@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.937)\n"
        + "@Schedule(type = ScheduleType.LINEAR, startFactor = 1.0, endFactor = 0.01, totalIters = 8)\n"
        + "@Warmup(epochs = 3, minSteps = 100, startFactor = 0)", "  Layer a;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedCompact(compilation)).contains(
        ".stepWarmup(LinearWarmup.spec().warmupSteps(Math.max(3*stepsPerEpoch,100)).warmupFactor(0.0))");
    // with 20 steps per epoch the warmup is 100 steps: epoch 1 starts at 20 / 100 of 0.01 * lf(1)
    Compilation declared = compile(model(YOLO + "@Warmup(epochs = 3, minSteps = 100, startFactor = 0)", "  Layer a;"));
    String table = declared.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    assertThat(table).containsMatch("\\n\\s+1\\s+1\\.7525e-03");
    JavaFileObjectCheck.on(YOLO + "@Warmup(steps = 100,\n    minSteps = 100)", "  Layer a;",
        Message.WARMUP_MIN_STEPS_NEEDS_EPOCHS, "minSteps is the fewest steps of a warmup given in epochs", "minSteps = 100)");
    JavaFileObjectCheck.on(YOLO + "@Warmup(epochs = 1,\n    minSteps = 1000)", "  Layer a;",
        Message.PAST_END, "@Warmup minSteps must be at most the training's length", "minSteps = 1000)");
  }

  @Test
  void theNewAttributesNeedAStepWarmupBeforeAnEpochSchedule() {
    Compilation compilation = compile(model("@Training(epochs = 8)\n@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.9)\n"
        + "@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)\n@Warmup(steps = 10, startLr = 0.1)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Warmup startLr applies at every optimizer step of a warmup into a schedule "
        + "stepped per epoch, but this warmup is not followed by a schedule stepped per epoch");
    assertThat(compilation).hadErrorContaining("[anneal:" + Message.WARMUP_STEP_ONLY.key() + "]");
    Compilation inEpochs = compile(model(YOLO + "@Warmup(epochs = 1, startMomentum = 0.8)", "  Layer a;"));
    assertThat(inEpochs).hadErrorContaining("@Warmup startMomentum applies at every optimizer step of a warmup into a schedule "
        + "stepped per epoch, but this warmup is counted in epochs");
  }

  @Test
  void errorsLandOnTheAttribute() {
    JavaFileObjectCheck.on(YOLO + "@Warmup(steps = 100, shape = WarmupShape.COSINE, startMomentum = 0.8)",
        "  Layer a;", Message.WARMUP_LINEAR_ONLY, "moves in a straight line (YOLOv5's np.interp), but the shape is COSINE",
        "startMomentum = 0.8");
    JavaFileObjectCheck.on(YOLO + "@Warmup(steps = 100, startFactor = 0.01,\n    startLr = 0.1)",
        "  Layer a;", Message.WARMUP_START_LR_AND_FACTOR, "gives both startLr and startFactor", "startLr = 0.1)");
    JavaFileObjectCheck.on(YOLO + "@Warmup(steps = 100)", "  @Warmup(steps = 100, holdAfter = true) Layer a;",
        Message.WARMUP_HOLD_ON_FIELD, "holdAfter on field a: it delays the class's schedule", "holdAfter = true) Layer a;");
    JavaFileObjectCheck.on("@Training(epochs = 8)\n@Optimizer(type = OptimizerType.ADAGRAD, lr = 0.01)\n"
        + "@Schedule(type = ScheduleType.LINEAR)\n@Warmup(steps = 10,\n    startMomentum = 0.8)", "  Layer a;",
        Message.WARMUP_MOMENTUM_WITHOUT_MOMENTUM, "Adagrad has neither momentum nor betas", "startMomentum = 0.8)");
  }

  @Test
  void rangesAreTheDescriptors() {
    Compilation negative = compile(model(YOLO + "@Warmup(steps = 100,\n    startLr = -0.1)", "  Layer a;"));
    assertThat(negative).hadErrorContaining("startLr");
    assertThat(negative).hadErrorContaining("-0.1");
    Compilation one = compile(model(YOLO + "@Warmup(steps = 100,\n    startMomentum = 1.0)", "  Layer a;"));
    assertThat(one).hadErrorContaining("startMomentum");
  }

  /** Compiles one model and asserts the message, its key and the line it lands on. */
  private static final class JavaFileObjectCheck {
    static void on(String annotations, String body, Message message, String text, String line) {
      javax.tools.JavaFileObject source = model(annotations, body);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorContaining(text);
      assertThat(compilation).hadErrorContaining("[anneal:" + message.key() + "]").inFile(source).onLineContaining(line);
    }
  }
}
