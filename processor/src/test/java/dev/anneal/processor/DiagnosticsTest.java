package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.ADAMW;
import static dev.anneal.processor.Models.SGD;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per validation rule: the message, the file and the line the caret lands on (the line
 * holding the offending attribute value, which the sources below keep on a line of its own).
 */
class DiagnosticsTest {

  private static void assertError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  private static void assertWarning(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
  }

  // --- the model class --------------------------------------------------------------------------

  @Test
  void trainingOnAnInterface() {
    JavaFileObject source = JavaFileObjects.forSourceString("test.I", String.join("\n",
        "package test;", Models.IMPORTS,
        "@Training(epochs = 3)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "interface I {}"));
    assertError(source, "@Training must be on a class, not on the interface I [anneal:model-not-class]", "@Training(epochs = 3)");
  }

  @Test
  void privateNestedModel() {
    JavaFileObject source = model("", "  @Training(epochs = 3)\n  @Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
        + "  private static class Inner { Layer a; }");
    assertError(source, "Inner must not be private, and a nested class must be static, so that the generated M_InnerTraining can use it",
        "@Training(epochs = 3)");
  }

  @Test
  void genericModel() {
    JavaFileObject source = JavaFileObjects.forSourceString("test.G", String.join("\n",
        "package test;", Models.IMPORTS,
        "@Training(epochs = 3)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "class G<T> { Layer a; }"));
    assertError(source, "G must not declare type parameters", "@Training(epochs = 3)");
  }

  @Test
  void fieldAnnotationWithoutTraining() {
    JavaFileObject source = model("", "  @LearningRate(0.1) Layer a;");
    assertError(source, "@LearningRate on field a needs @Training(epochs = ...) on the class M", "@LearningRate(0.1)");
  }

  @Test
  void classAnnotationWithoutTraining() {
    assertError(model("@Optimizer(type = OptimizerType.SGD, lr = 0.1)", "  Layer a;"),
        "@Optimizer on class M needs @Training(epochs = ...) on the class M", "@Optimizer(type = OptimizerType.SGD");
  }

  @Test
  void generatedClassNameTaken() {
    JavaFileObject source = model(SGD, "  Layer a;");
    JavaFileObject taken = JavaFileObjects.forSourceString("test.MTraining", "package test;\nclass MTraining {}\n");
    Compilation compilation = compile(source, taken);
    assertThat(compilation).hadErrorContaining("could not write MTraining").inFile(source).onLineContaining("class M");
    assertThat(compilation.errors().stream().map(e -> e.getMessage(null)).filter(m -> m.contains("internal-error")).toList())
        .isEmpty();
  }

  @Test
  void trainingWithoutOptimizer() {
    assertError(model("@Training(epochs = 3)", "  Layer a;"), "M has @Training but no @Optimizer", "@Training(epochs = 3)");
  }

  @Test
  void epochsNotPositive() {
    assertError(model("@Training(\n    epochs = 0)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)", "  Layer a;"),
        "@Training epochs must be positive, was 0 [anneal:not-positive]", "epochs = 0");
  }

  @Test
  void trainingLongerThanAnIntCountsSteps() {
    assertError(model("@Training(epochs = 100000,\n    stepsPerEpoch = 100000)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)", "  Layer a;"),
        "@Training epochs * stepsPerEpoch must be in [1, 2147483647], was 10000000000", "stepsPerEpoch = 100000");
  }

  @Test
  void noParameterFields() {
    assertError(model(SGD, "  int hidden = 3;"), "M has no field holding parameters; accepted field types:", "@Training(epochs = 10)");
  }

  // --- fields -----------------------------------------------------------------------------------

  @Test
  void fieldTypeWithoutParameters() {
    assertError(model(SGD, "  @LearningRate(0.1) String name;"),
        "field name of type java.lang.String holds no parameters; accepted types: dev.anneal.param.ParameterSource", "String name");
  }

  @Test
  void staticField() {
    assertError(model(SGD, "  @LearningRate(0.1) static Layer shared;"), "field shared is static", "static Layer shared");
  }

  @Test
  void privateFieldWithoutAccessor() {
    assertError(model(SGD, "  @LearningRate(0.1) private Layer head;"),
        "field head is private and M has no accessor head() or getHead(); make the field package-private, add the accessor, or add @Exclude",
        "private Layer head");
  }

  @Test
  void unannotatedPrivateFieldStillNeedsAnAccessor() {
    assertError(model(SGD, "  private Parameter bias;"), "field bias is private", "private Parameter bias");
  }

  @Test
  void duplicateGroupNames() {
    assertError(model(SGD, "  @Group(\"body\") Layer a;\n  @Group(\n    \"body\") Layer b;"),
        "group name \"body\" is used by field b and by field a; give each group its own name with @Group", "\"body\") Layer b");
  }

  @Test
  void groupNamedLikeTheDefaultGroup() {
    assertError(model(SGD, "  Layer plain;\n  @Group(\"default\") @LearningRate(0.01) Layer named;"),
        "group name \"default\" is used by field named and by field plain", "Layer named");
  }

  @Test
  void blankGroupName() {
    assertError(model(SGD, "  @Group(\" \") Layer a;"), "@Group on field a needs a non-blank name", "@Group(\" \")");
  }

  @Test
  void fieldConfiguredTwice() {
    assertError(model(SGD, "  @LearningRate(0.01)\n  @Hyperparameter(name = \"lr\",\n      value = \"0.02\") Layer a;"),
        "lr of field a is configured twice: once as 0.01 and again here; keep one", "value = \"0.02\"");
  }

  @Test
  void layerwiseDecayAndOwnLearningRate() {
    assertError(model(SGD + "\n@LayerwiseDecay(0.5)", "  Layer a;\n  @LearningRate(\n      0.3) Layer b;"),
        "lr of field b is configured twice: by @LayerwiseDecay on the class", "0.3) Layer b");
  }

  @Test
  void excludedAndConfigured() {
    assertError(model(SGD, "  @Exclude @Freeze(untilEpoch = 1) Layer teacher;"),
        "field teacher is @Exclude'd but also configured with @Freeze", "Layer teacher");
  }

  // --- values -----------------------------------------------------------------------------------

  @Test
  void learningRateNotPositive() {
    assertError(model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD,\n    lr = -0.1)", "  Layer a;"),
        "@Optimizer lr must be positive, was -0.1", "lr = -0.1");
  }

  @Test
  void fieldLearningRateNotPositive() {
    assertError(model(SGD, "  @LearningRate(0) Layer a;"), "@LearningRate of field a must be positive, was 0", "@LearningRate(0)");
  }

  @Test
  void negativeWeightDecay() {
    assertError(model(ADAMW, "  @WeightDecay(-1e-4) Layer a;"), "@WeightDecay of field a must be at least 0, was -1.0E-4",
        "@WeightDecay(-1e-4)");
  }

  @Test
  void momentumOutOfRange() {
    assertError(model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1,\n    momentum = 1.0)", "  Layer a;"),
        "@Optimizer momentum must be in [0, 1), was 1", "momentum = 1.0");
  }

  @Test
  void betasOutOfRange() {
    assertError(model(ADAMW, "  @Betas({0.9, 1.0}) Layer a;"), "@Betas of field a must be two values, each in [0, 1), was {0.9, 1}",
        "@Betas({0.9, 1.0})");
  }

  @Test
  void attributeNotTakenByTheOptimizer() {
    assertError(model(ADAMW, "  @Momentum(0.9) Layer a;"), "@Momentum does not apply to AdamW; it takes lr, betas, eps",
        "@Momentum(0.9)");
  }

  @Test
  void unknownKwarg() {
    assertError(model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, kwargs = @Kwarg(\n"
            + "    name = \"nesterow\", value = \"true\"))", "  Layer a;"),
        "SGD has no argument \"nesterow\"; it takes lr, momentum, dampening, weight_decay, nesterov, maximize", "name = \"nesterow\"");
  }

  @Test
  void kwargValueOfTheWrongType() {
    assertError(model(SGD, "  @Hyperparameter(name = \"nesterov\",\n      value = \"yes\") Layer a;"),
        "argument nesterov of SGD must be true or false, was \"yes\"", "value = \"yes\"");
  }

  @Test
  void milestonesNotIncreasing() {
    assertError(model(SGD + "\n@Schedule(type = ScheduleType.MULTI_STEP,\n    milestones = {6, 3})", "  Layer a;"),
        "@Schedule milestones (positive) must be strictly increasing, was {6, 3}", "milestones = {6, 3}");
  }

  @Test
  void sequentialMilestoneCount() {
    assertError(model(SGD + "\n@SequentialSchedule(value = {@Schedule(type = ScheduleType.LINEAR), "
            + "@Schedule(type = ScheduleType.COSINE)},\n    milestones = {2, 4})", "  Layer a;"),
        "@SequentialSchedule needs one milestone fewer than schedules (2 schedules), had 2 milestones", "milestones = {2, 4}");
  }

  @Test
  void scheduleAttributeNotTakenByTheType() {
    assertError(model(SGD + "\n@Schedule(type = ScheduleType.COSINE,\n    stepSize = 3)", "  Layer a;"),
        "@Schedule stepSize does not apply to CosineAnnealingLR; it takes T_max, eta_min", "stepSize = 3");
  }

  @Test
  void scheduleMissingItsRequiredArgument() {
    assertError(model(SGD + "\n@Schedule(\n    type = ScheduleType.STEP)", "  Layer a;"),
        "StepLR needs step_size; set stepSize = ...", "type = ScheduleType.STEP");
  }

  @Test
  void nestedScheduleValueIsReportedOnItsLine() {
    assertError(model(SGD + "\n@ChainedSchedule({\n    @Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9),\n"
            + "    @Schedule(type = ScheduleType.STEP, stepSize = 2,\n        gamma = -0.5)})", "  Layer a;"),
        "@Schedule gamma must be positive, was -0.5", "gamma = -0.5");
  }

  // --- freezing ---------------------------------------------------------------------------------

  @Test
  void freezePastTheEnd() {
    assertError(model(SGD, "  @Freeze(\n      untilEpoch = 20) Layer a;"),
        "@Freeze untilEpoch must be at most the training's epochs (10), was 20", "untilEpoch = 20");
  }

  @Test
  void freezeWithoutUntil() {
    assertError(model(SGD, "  @Freeze Layer a;"), "@Freeze on field a needs untilEpoch or untilStep", "@Freeze Layer a");
  }

  @Test
  void freezeUntilEpochAndStep() {
    assertError(model(SGD, "  @Freeze(untilEpoch = 1,\n      untilStep = 100) Layer a;"),
        "@Freeze untilStep contradicts @Freeze untilEpoch: give one of them", "untilStep = 100");
  }

  // --- warmup -----------------------------------------------------------------------------------

  @Test
  void warmupLongerThanTraining() {
    assertError(model(SGD + "\n@Warmup(\n    epochs = 11)", "  Layer a;"),
        "@Warmup of 11 epochs is longer than the training (10 epochs)", "epochs = 11");
  }

  @Test
  void warmupStepsLongerThanKnownTraining() {
    assertError(model("@Training(epochs = 2, stepsPerEpoch = 100)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
            + "@Warmup(\n    steps = 201)", "  Layer a;"),
        "@Warmup of 201 steps is longer than the training (2 epochs = 200 steps)", "steps = 201");
  }

  @Test
  void warmupWithoutLength() {
    assertError(model(SGD + "\n@Warmup(startFactor = 0.1)", "  Layer a;"), "@Warmup needs epochs or steps, positive",
        "@Warmup(startFactor = 0.1)");
  }

  @Test
  void warmupStepsBeforeAnEpochSchedule() {
    assertError(model(SGD + "\n@Warmup(\n    steps = 100)\n@Schedule(type = ScheduleType.COSINE)", "  Layer a;"),
        "@Warmup steps = 100 cannot precede CosineAnnealingLR, which steps once per epoch; give the warmup in epochs", "steps = 100");
  }

  @Test
  void oneCycleWithWarmup() {
    assertError(model(SGD + "\n@Warmup(epochs = 1)\n@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.5)", "  Layer a;"),
        "@Warmup contradicts OneCycleLR: OneCycleLR warms up by itself (pct_start)", "@Warmup(epochs = 1)");
  }

  @Test
  void twoMainSchedules() {
    assertError(model(SGD + "\n@Schedule(type = ScheduleType.COSINE)\n@ReduceLrOnPlateau(monitor = \"val_loss\")", "  Layer a;"),
        "@ReduceLrOnPlateau contradicts @Schedule: give one main schedule", "@ReduceLrOnPlateau(monitor");
  }

  @Test
  void composedSchedulesWithDifferentIntervals() {
    assertError(model(SGD + "\n@ChainedSchedule({@Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9),\n"
            + "    @Schedule(type = ScheduleType.CONSTANT,\n        interval = Interval.STEP)})", "  Layer a;"),
        "interval STEP contradicts interval EPOCH of the first schedule", "interval = Interval.STEP");
  }

  @Test
  void clipByNormAndByValue() {
    assertError(model(SGD + "\n@ClipGradNorm(1.0)\n@ClipGradValue(0.5)", "  Layer a;"),
        "@ClipGradValue contradicts @ClipGradNorm: clip by norm or by value, not both", "@ClipGradValue(0.5)");
  }

  // --- one cycle, cyclic, plateau ---------------------------------------------------------------

  @Test
  void oneCyclePhasesDoNotFit() {
    assertError(model("@Training(epochs = 3)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
            + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 1.0,\n    pctStart = 0.2)", "  Layer a;"),
        "OneCycleLR phases do not fit: pct_start 0.2 of 3 epochs leaves a phase without a step", "pctStart = 0.2");
  }

  @Test
  void oneCycleShorterThanTraining() {
    assertError(model(SGD + "\n@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 1.0,\n    totalSteps = 8)", "  Layer a;"),
        "OneCycleLR total_steps is 8 epochs long but the training lasts 10 epochs", "totalSteps = 8");
  }

  @Test
  void cyclicMomentumWithoutMomentum() {
    assertError(model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.ADAGRAD, lr = 0.1)\n"
            + "@Schedule(type = ScheduleType.CYCLIC, baseLr = 0.01, maxLr = 0.1,\n    cycleMomentum = true)", "  Layer a;"),
        "CyclicLR cycles momentum but Adagrad has neither momentum nor betas; set cycleMomentum = false", "cycleMomentum = true");
  }

  @Test
  void lambdaClassWithoutNoArgumentConstructor() {
    JavaFileObject factor = JavaFileObjects.forSourceString("test.Factor", String.join("\n",
        "package test;",
        "class Factor implements java.util.function.IntToDoubleFunction {",
        "  Factor(double gamma) {}",
        "  @Override public double applyAsDouble(int step) { return 1; }",
        "}"));
    JavaFileObject source = model(SGD + "\n@LambdaSchedule(\n    Factor.class)", "  Layer a;");
    Compilation compilation = compile(source, factor);
    assertThat(compilation).hadErrorContaining(
        "@LambdaSchedule needs a class the generated code can instantiate; test.Factor: give it a non-private constructor without arguments")
        .inFile(source).onLineContaining("Factor.class");
  }

  @Test
  void warmupAroundALambda() {
    assertError(model(SGD + "\n@Warmup(epochs = 1)\n@LambdaSchedule(test.Fields.Halving.class)", "  Layer a;"),
        "@Warmup contradicts @LambdaSchedule: a warmup cannot wrap a Java function", "@Warmup(epochs = 1)");
  }

  @Test
  void plateauWithoutMonitor() {
    assertError(model(SGD + "\n@ReduceLrOnPlateau(\n    monitor = \"\")", "  Layer a;"),
        "@ReduceLrOnPlateau needs the metric it watches, such as monitor = \"val_loss\"", "monitor = \"\"");
  }

  @Test
  void plateauFactorOutOfRange() {
    assertError(model(SGD + "\n@ReduceLrOnPlateau(monitor = \"val_loss\",\n    factor = 1.5)", "  Layer a;"),
        "@ReduceLrOnPlateau factor must be in (0, 1), was 1.5", "factor = 1.5");
  }

  // --- warnings ---------------------------------------------------------------------------------

  @Test
  void milestoneAfterTheLastEpoch() {
    assertWarning(model(SGD + "\n@Schedule(type = ScheduleType.MULTI_STEP,\n    milestones = {5, 12})", "  Layer a;"),
        "MultiStepLR milestone 12 is at or after the end of the training (10 epochs); it never takes effect", "milestones = {5, 12}");
  }

  @Test
  void warningSuppressedByKey() {
    Compilation compilation = compile(model("@SuppressWarnings(\"anneal:milestone-after-end\")\n" + SGD
        + "\n@Schedule(type = ScheduleType.MULTI_STEP, milestones = {5, 12})", "  Layer a;"));
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().filter(w -> w.getMessage(null).contains("anneal:")).toList()).isEmpty();
  }

  @Test
  void groupFrozenForTheWholeRun() {
    assertWarning(model(SGD, "  @Freeze(\n      untilEpoch = 10) Layer a;\n  Layer b;"),
        "group a stays frozen for the whole run (untilEpoch = 10 = epochs); it never trains", "untilEpoch = 10");
  }

  @Test
  void etaMinAtOrAboveTheGroupLr() {
    assertWarning(model(SGD + "\n@Schedule(type = ScheduleType.COSINE,\n    etaMin = 0.05)", "  @LearningRate(0.01) Layer a;\n  Layer b;"),
        "eta_min 0.05 is at or above the lr of group a (0.01)", "etaMin = 0.05");
  }
}
