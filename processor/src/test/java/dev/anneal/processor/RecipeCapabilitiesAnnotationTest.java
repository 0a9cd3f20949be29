package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.generatedCompact;
import static dev.anneal.processor.Models.strict;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Warmup(multipliesSchedule = true)} (detectron2's warmup over a per-step schedule counted
 * from step 0), {@code @KindGroup} (detectron2's per-kind lr factor and weight decay, norm layers
 * by module type) and {@code @Ema} (torchvision's model EMA): the DSL they are written as, the
 * plans they give, and one compile error per rule, on the attribute at fault.
 */
class RecipeCapabilitiesAnnotationTest {

  private static TrainingPlan plan(Compilation compilation, int stepsPerEpoch) throws Exception {
    ClassLoader loader = new GeneratedPlansRunProperties.GeneratedClassLoader(compilation, RecipeCapabilitiesAnnotationTest.class.getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    return (TrainingPlan) loader.loadClass("test.MTraining").getMethod("plan", modelClass, int.class)
        .invoke(null, constructor.newInstance(), stepsPerEpoch);
  }

  private static final String DETECTRON = String.join("\n",
      "@Training(epochs = 1)",
      "@Optimizer(type = OptimizerType.SGD, lr = 0.02, momentum = 0.9, weightDecay = 1e-4)",
      "@Warmup(steps = 4, startFactor = 0.001, multipliesSchedule = true)",
      "@Schedule(type = ScheduleType.MULTI_STEP, interval = Interval.STEP, milestones = {6, 8}, gamma = 0.1)",
      "@KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0, weightDecay = 0.0)",
      "@KindGroup(kind = ParamKind.NORM, weightDecay = 0.0)");

  private static final String DETECTRON_BODY = String.join("\n",
      "  final Layer conv = new Layer(\"conv\", \"Conv2d\");",
      "  final Layer bn = new Layer(\"bn\", \"BatchNorm2d\");",
      "  M() {",
      "    conv.add(\"weight\", 2, 2);",
      "    conv.add(\"bias\", 2);",
      "    bn.add(\"weight\", 2);",
      "    bn.add(\"bias\", 2);",
      "  }");

  @Test
  void detectronsWarmupMultipliesTheStepScheduleFromStepZero() throws Exception {
    Compilation compilation = strict(Models.model(DETECTRON, DETECTRON_BODY));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generatedCompact(compilation);
    assertThat(code).contains(".stepWarmup(LinearWarmup.spec().warmupSteps(4).warmupFactor(0.001))");
    // the milestones as written: the schedule is not shifted by the warmup
    assertThat(code).contains(".schedule(MultiStepLR.spec().milestones(6,8).gamma(0.1),Interval.STEP)");
    assertThat(code).contains(".split(\"bias\",ParamRule.bias(),s->s.lrFactor(2.0).weightDecay(0.0))"
        + ".split(\"norm\",ParamRule.normLayers(),s->s.weightDecay(0.0))");

    TrainingPlan plan = plan(compilation, 10);
    Map<String, List<Double>> lrs = new HashMap<>();
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        for (int g = 0; g < report.groups().size(); g++) {
          lrs.computeIfAbsent(report.groups().get(g), k -> new ArrayList<>()).add(report.lrs()[g]);
        }
      }
    });
    plan.startEpoch();
    for (int step = 0; step < 10; step++) {
      for (Parameter p : plan.parameters()) {
        p.setGrad(FloatStorage.wrap(new float[p.size()]));
      }
      plan.afterBackward();
    }
    plan.endEpoch();
    // detectron2: lr(i) = base * gamma^(milestones <= i) * (i < 4 ? 0.001 * (1 - i/4) + i/4 : 1)
    for (int i = 0; i < 10; i++) {
      double warm = i < 4 ? 0.001 * (1 - i / 4.0) + i / 4.0 : 1.0;
      double decay = i >= 8 ? 0.01 : i >= 6 ? 0.1 : 1.0;
      assertThat(lrs.get("default").get(i)).isWithin(1e-15).of(0.02 * decay * warm);
      assertThat(lrs.get("default.bias").get(i)).isWithin(1e-15).of(0.04 * decay * warm);
      assertThat(lrs.get("default.norm").get(i)).isWithin(1e-15).of(0.02 * decay * warm);
    }
    Map<String, String> groupOf = new HashMap<>();
    for (var group : plan.groups()) {
      for (Parameter p : group.params()) {
        groupOf.put(p.name(), group.name());
      }
    }
    // a norm layer's bias takes the bias settings (detectron2 applies its bias override last)
    assertThat(groupOf).containsExactly("conv.weight", "default", "conv.bias", "default.bias", "bn.weight", "default.norm",
        "bn.bias", "default.bias");
    assertThat(plan.group("default.norm").get("weight_decay")).isEqualTo(0.0);
    assertThat(plan.group("default").get("weight_decay")).isEqualTo(1e-4);
  }

  @Test
  void normByModuleTypeKeepsTheClassifiersBiasDecay() throws Exception {
    Compilation compilation = strict(Models.model(String.join("\n",
        "@Training(epochs = 2)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.5, momentum = 0.9, weightDecay = 1e-4)",
        "@NoDecay(ParamKind.NORM)",
        "@Ema(decay = 0.99998, everySteps = 32, adjustedForBatch = 1024, copyDuringEpochs = 1)"), String.join("\n",
        "  final Layer bn = new Layer(\"bn1\", \"BatchNorm2d\");",
        "  final Layer fc = new Layer(\"fc\", \"Linear\");",
        "  M() {",
        "    bn.add(\"weight\", 2);",
        "    fc.add(\"weight\", 2, 2);",
        "    fc.add(\"bias\", 2);",
        "  }")));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generatedCompact(compilation);
    assertThat(code).contains("g->g.noDecay(ParamRule.normLayers())");
    assertThat(code).contains(".ema(ModelEma.decay(0.99998).everySteps(32).adjustedForBatch(1024).copyDuringEpochs(1))");
    TrainingPlan plan = plan(compilation, 3);
    Map<String, Object> decayOf = new HashMap<>();
    for (var group : plan.groups()) {
      for (Parameter p : group.params()) {
        decayOf.put(p.name(), group.get("weight_decay"));
      }
    }
    assertThat(decayOf).containsExactly("bn1.weight", 0.0, "fc.weight", 1e-4, "fc.bias", 1e-4);
    assertThat(plan.averagedModel()).isPresent();
  }

  @Test
  void thePreviewShowsTheMultiplyingWarmupTheKindGroupsAndTheEma() throws Exception {
    Compilation detectron = strict(Models.model(DETECTRON.replace("epochs = 1", "epochs = 1, stepsPerEpoch = 10"), DETECTRON_BODY));
    String table = preview(detectron);
    assertThat(table).contains("Main schedule: LinearWarmup(warmup_steps=4, warmup_factor=0.001) multiplying "
        + "[MultiStepLR(milestones=[6, 8], gamma=0.1) per step] per step");
    assertThat(table).contains("Kind groups in every group, the first match wins: bias (BIAS: lr x 2, weight_decay 0), "
        + "norm (NORM: lr x 1, weight_decay 0)");
    assertThat(table).contains("    0  2.0000e-05");   // 0.02 * 0.001 at step 0
    Compilation torchvision = strict(Models.model(String.join("\n",
        "@Training(epochs = 6, stepsPerEpoch = 8)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.5, momentum = 0.9)",
        "@Ema(decay = 0.99998, everySteps = 3, adjustedForBatch = 1024, copyDuringEpochs = 2)"), "  Layer a;"));
    // 1 - (1 - 0.99998) * 1024 * 3 / 6 = 0.98976
    assertThat(preview(torchvision)).contains(
        "EMA of the weights: decay 0.99998, adjusted for 1024 samples per step to 9.8976e-01, updated every 3 steps, "
            + "copying the weights during epochs 0-1.");
  }

  private static String preview(Compilation compilation) throws java.io.IOException {
    return compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt").orElseThrow()
        .getCharContent(true).toString();
  }

  @Test
  void kindNoneIsRefusedOnTheKind() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@KindGroup(kind = ParamKind.NONE, lrFactor = 2.0)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@KindGroup kind NONE selects no parameters");
    assertThat(compilation).hadErrorContaining("").inFile(compilation.sourceFiles().get(0)).onLineContaining("ParamKind.NONE");
  }

  @Test
  void aKindTwiceIsRefused() {
    // written as repeated annotations, javac keeps no source position for the container it synthesizes: the error is on the class
    Compilation repeated = Models.compile(Models.model(Models.SGD
        + "\n@KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0)\n@KindGroup(kind = ParamKind.BIAS, weightDecay = 0.0)", "  Layer a;"));
    assertThat(repeated).hadErrorContaining("@KindGroup kind BIAS is declared twice; a parameter goes to the first that selects it");
    Compilation contained = Models.compile(Models.model(Models.SGD
        + "\n@KindGroups({@KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0),\n @KindGroup(kind = ParamKind.BIAS, weightDecay = 0.0)})",
        "  Layer a;"));
    assertThat(contained).hadErrorContaining("@KindGroup kind BIAS is declared twice").inFile(contained.sourceFiles().get(0))
        .onLineContaining("@KindGroup(kind = ParamKind.BIAS, weightDecay = 0.0)");
  }

  @Test
  void aKindGroupThatChangesNothingIsRefused() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@KindGroup(kind = ParamKind.NORM)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@KindGroup(kind = NORM) changes nothing; set lrFactor or weightDecay");
  }

  @Test
  void aNonPositiveLrFactorIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@KindGroup(kind = ParamKind.BIAS,\n lrFactor = 0.0)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@KindGroup lrFactor must be positive, was 0").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("lrFactor = 0.0");
  }

  @Test
  void aNegativeKindWeightDecayIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@KindGroup(kind = ParamKind.BIAS,\n weightDecay = -1e-4)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@KindGroup weightDecay must be at least 0").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("weightDecay = -1e-4");
  }

  @Test
  void aKindWeightDecayOnAnOptimizerWithoutOneIsRefused() {
    Compilation compilation = Models.compile(Models.model("@Training(epochs = 2)\n@Optimizer(type = OptimizerType.RPROP, lr = 0.01)"
        + "\n@KindGroup(kind = ParamKind.BIAS,\n weightDecay = 0.0)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@KindGroup weightDecay does not apply to Rprop").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("weightDecay = 0.0");
  }

  @Test
  void emaDecayOutsideZeroOneIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Ema(\n decay = 1.5)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Ema decay must be in [0, 1], was 1.5").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("decay = 1.5");
  }

  @Test
  void emaEveryStepsBelowOneIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.999,\n everySteps = 0)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Ema everySteps must be positive, was 0").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("everySteps = 0");
  }

  @Test
  void emaNegativeBatchIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.999,\n adjustedForBatch = -8)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Ema adjustedForBatch must be at least 0, was -8")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("adjustedForBatch = -8");
  }

  @Test
  void emaCopyPastTheTrainingIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.999,\n copyDuringEpochs = 11)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Ema copyDuringEpochs must be at most the training's length (10 epochs), was 11")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("copyDuringEpochs = 11");
  }

  @Test
  void emaNegativeCopyIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.999,\n copyDuringEpochs = -1)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Ema copyDuringEpochs must be at least 0, was -1")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("copyDuringEpochs = -1");
  }

  @Test
  void kindGroupsInTheirContainerAreReadInOrder() throws Exception {
    Compilation compilation = strict(JavaFileObjects.forSourceString("test.M", String.join("\n",
        "package test;", Models.IMPORTS, Models.SGD,
        "@KindGroups({@KindGroup(kind = ParamKind.NORM, weightDecay = 0.0), @KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0)})",
        "class M { Layer a; }")));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedCompact(compilation)).contains(".split(\"norm\",ParamRule.normLayers(),s->s.weightDecay(0.0))"
        + ".split(\"bias\",ParamRule.bias(),s->s.lrFactor(2.0))");
  }

  @Test
  void swaIsWrittenAsTheDslCall() throws Exception {
    Compilation compilation = strict(Models.model(Models.SGD + "\n@Swa(fromEpoch = 7)", "  Layer a;"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedCompact(compilation)).contains(".swa(ModelSwa.fromEpoch(7))");
    assertThat(preview(compilation)).contains("SWA of the weights: the equal average at the ends of epochs 7-9.");
  }

  @Test
  void swaNextToEmaIsRefused() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Ema(decay = 0.999)\n@Swa(fromEpoch = 7)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Swa next to @Ema: a plan keeps one average").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("@Swa(fromEpoch = 7)");
  }

  @Test
  void swaFromTheLastEpochOnIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Swa(\n fromEpoch = 10)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Swa fromEpoch must be below the training's 10 epochs")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("fromEpoch = 10");
  }

  @Test
  void swaNegativeEpochIsRefusedOnIt() {
    Compilation compilation = Models.compile(Models.model(Models.SGD + "\n@Swa(\n fromEpoch = -1)", "  Layer a;"));
    assertThat(compilation).hadErrorContaining("@Swa fromEpoch must be at least 0, was -1")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("fromEpoch = -1");
  }

  @Test
  void aMultiplyingWarmupLeavesTheScheduleTheWholeTrainingAndWorksOnAField() throws Exception {
    Compilation compilation = strict(Models.model(String.join("\n",
        "@Training(epochs = 2)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "@Warmup(steps = 4, multipliesSchedule = true)",
        "@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)"), String.join("\n",
        "  Layer body;",
        "  @Warmup(epochs = 1, startFactor = 0.1, multipliesSchedule = true)",
        "  @Schedule(type = ScheduleType.STEP, interval = Interval.STEP, stepSize = 5) Layer head;")));
    assertThat(compilation).succeededWithoutWarnings();
    String code = generatedCompact(compilation);
    // T_max is the whole training (2 epochs of steps), not shortened by the warmup
    assertThat(code).contains(".stepWarmup(LinearWarmup.spec().warmupSteps(4))");
    assertThat(code).contains(".schedule(CosineAnnealingLR.spec().tMax(2*stepsPerEpoch),Interval.STEP)");
    // the field's warmup of one epoch, in optimizer steps, over its own per-step schedule
    assertThat(code).contains(".group(\"head\",model.head,g->g.stepWarmup(LinearWarmup.spec().warmupSteps(stepsPerEpoch)"
        + ".warmupFactor(0.1)).schedule(StepLR.spec().stepSize(5),Interval.STEP))");
  }
}
