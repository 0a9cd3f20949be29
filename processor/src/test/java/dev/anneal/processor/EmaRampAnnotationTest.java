package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Ema(decay, rampTau)}, YOLOv5's {@code ModelEMA}: the DSL it is written as
 * ({@code ModelEma.ramp}), the plan's average, the preview line, and one compile error per rule on
 * the attribute at fault.
 */
class EmaRampAnnotationTest {
  private static final String YOLO = Models.SGD + "\n@Ema(decay = 0.9999, rampTau = 2000)";

  private static TrainingPlan plan(Compilation compilation, int stepsPerEpoch) throws Exception {
    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, EmaRampAnnotationTest.class.getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    return (TrainingPlan) loader.loadClass("test.MTraining").getMethod("plan", modelClass, int.class)
        .invoke(null, constructor.newInstance(), stepsPerEpoch);
  }

  @Test
  void theRampIsWrittenAsModelEmaRampAndThePlanKeepsIt() throws Exception {
    Compilation compilation = strict(Models.model(YOLO, "  final Layer a = new Layer(\"a\");\n  M() { a.add(\"weight\", 1); }"));
    assertThat(compilation).succeededWithoutWarnings();
    String code = compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString()
        .replaceAll("\\s+", "");
    assertThat(code).contains(".ema(ModelEma.ramp(0.9999,2000.0))");
    TrainingPlan plan = plan(compilation, 4);
    assertThat(plan.averagedModel()).isPresent();
    // one SGD step (lr 0.1, gradient 1) from 10 to 9.9; the average starts from the copy 10 and takes
    // d = 0.9999 * (1 - exp(-1 / 2000)) = 4.99825e-4 of it: 9.9 + 0.1 * d = 9.90004998 (torchvision's form would copy 9.9)
    Parameter w = plan.parameters().get(0);
    w.values().copyFrom(new float[] {10f});
    plan.startEpoch();
    w.setGrad(FloatStorage.wrap(new float[] {1f}));
    plan.afterBackward();
    assertThat((double) plan.averagedModel().orElseThrow().averaged("a.weight")[0]).isWithin(2e-6).of(9.90004998);
  }

  @Test
  void thePreviewNamesTheRamp() throws Exception {
    Compilation compilation = strict(Models.model(YOLO.replace("epochs = 10", "epochs = 10, stepsPerEpoch = 4"), "  Layer a;"));
    String table = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
    assertThat(table).contains("EMA of the weights: decay 0.9999 ramped as YOLOv5's ModelEMA to decay * (1 - exp(-updates / 2000))"
        + " from a copy of the weights, updated every 1 step.");
  }

  @Test
  void aNonPositiveRampTauIsRefusedOnIt() {
    Compilation zero = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.9999,\n rampTau = 0)", "  Layer a;"));
    assertThat(zero).hadErrorContaining("@Ema rampTau must be positive, was 0").inFile(zero.sourceFiles().get(0))
        .onLineContaining("rampTau = 0");
    Compilation negative = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.9999,\n rampTau = -2000)", "  Layer a;"));
    assertThat(negative).hadErrorContaining("@Ema rampTau must be positive, was -2000").inFile(negative.sourceFiles().get(0))
        .onLineContaining("rampTau = -2000");
    Compilation infinite = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.9999,\n rampTau = 1.0 / 0.0)", "  Layer a;"));
    assertThat(infinite).hadErrorContaining("@Ema rampTau must be positive").inFile(infinite.sourceFiles().get(0))
        .onLineContaining("rampTau = 1.0 / 0.0");
  }

  @Test
  void torchvisionsAttributesNextToTheRampAreRefusedOnEach() {
    Compilation every = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.9999, rampTau = 2000,\n everySteps = 32)", "  Layer a;"));
    assertThat(every).hadErrorContaining("@Ema everySteps is torchvision's, but rampTau makes this YOLOv5's ModelEMA")
        .inFile(every.sourceFiles().get(0)).onLineContaining("everySteps = 32");
    Compilation batch = Models.compile(Models.model(Models.SGD
        + "\n@Ema(decay = 0.9999, rampTau = 2000,\n adjustedForBatch = 1024)", "  Layer a;"));
    assertThat(batch).hadErrorContaining("remove adjustedForBatch or rampTau").inFile(batch.sourceFiles().get(0))
        .onLineContaining("adjustedForBatch = 1024");
    Compilation copy = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.9999, rampTau = 2000,\n copyDuringEpochs = 1)", "  Layer a;"));
    assertThat(copy).hadErrorContaining("@Ema copyDuringEpochs is torchvision's").inFile(copy.sourceFiles().get(0))
        .onLineContaining("copyDuringEpochs = 1");
  }
}
