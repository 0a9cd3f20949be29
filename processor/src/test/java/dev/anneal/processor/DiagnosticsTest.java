package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Models.ADAMW;
import static dev.anneal.processor.Models.SGD;
import static dev.anneal.processor.Models.compile;
import static dev.anneal.processor.Models.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.processor.base.Message;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per validation rule: the message, the file and the line the caret lands on (the line
 * holding the offending attribute value, which the sources below keep on a line of its own).
 */
class DiagnosticsTest {

  private static void assertError(Message key, JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertDiagnostic(compilation, key, source, message, line);
  }

  private static void assertWarning(Message key, JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertDiagnostic(compilation, key, source, message, line);
  }

  /** One diagnostic of the key's kind holds both the text and the key, on the line containing {@code line}. */
  static void assertDiagnostic(Compilation compilation, Message key, JavaFileObject source, String message, String line) {
    assertThat(key.isWarning() ? compilation.warnings() : compilation.errors()).isNotEmpty();
    if (key.isWarning()) {
      assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
    } else {
      assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    }
    long lineNumber = lineOf(source, line);
    List<String> found = compilation.diagnostics().stream()
        .filter(d -> d.getKind() == key.kind() && d.getLineNumber() == lineNumber)
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.contains(message))
        .toList();
    assertWithMessage("a %s on line %s with \"%s\"", key.kind(), lineNumber, message).that(found).isNotEmpty();
    assertThat(found.get(0)).contains("[anneal:" + key.key());
  }

  private static long lineOf(JavaFileObject source, String text) {
    try {
      List<String> lines = source.getCharContent(true).toString().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no line contains " + text);
  }

  // --- the model class --------------------------------------------------------------------------

  @Test
  void trainingOnAnInterface() {
    JavaFileObject source = JavaFileObjects.forSourceString("test.I", String.join("\n",
        "package test;", Models.IMPORTS,
        "@Training(epochs = 3)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "interface I {}"));
    assertError(Message.MODEL_NOT_CLASS, source, "@Training must be on a class, not on the interface I [anneal:model-not-class]", "@Training(epochs = 3)");
  }

  @Test
  void privateNestedModel() {
    JavaFileObject source = model("", "  @Training(epochs = 3)\n  @Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
        + "  private static class Inner { Layer a; }");
    assertError(Message.MODEL_NOT_REACHABLE, source, "Inner must not be private, and a nested class must be static, so that the generated M_InnerTraining can use it",
        "@Training(epochs = 3)");
  }

  @Test
  void genericModel() {
    JavaFileObject source = JavaFileObjects.forSourceString("test.G", String.join("\n",
        "package test;", Models.IMPORTS,
        "@Training(epochs = 3)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "class G<T> { Layer a; }"));
    assertError(Message.MODEL_GENERIC, source, "G must not declare type parameters", "@Training(epochs = 3)");
  }

  @Test
  void fieldAnnotationWithoutTraining() {
    JavaFileObject source = model("", "  @LearningRate(0.1) Layer a;");
    assertError(Message.MISSING_TRAINING, source, "@LearningRate on field a needs @Training(epochs = ...) on the class M", "@LearningRate(0.1)");
  }

  @Test
  void classAnnotationWithoutTraining() {
    assertError(Message.MISSING_TRAINING, model("@Optimizer(type = OptimizerType.SGD, lr = 0.1)", "  Layer a;"),
        "@Optimizer on class M needs @Training(epochs = ...) on the class M", "@Optimizer(type = OptimizerType.SGD");
  }

  @Test
  void generatedClassNameTaken() {
    JavaFileObject source = model(SGD, "  Layer a;");
    JavaFileObject taken = JavaFileObjects.forSourceString("test.MTraining", "package test;\nclass MTraining {}\n");
    Compilation compilation = compile(source, taken);
    assertDiagnostic(compilation, Message.WRITE_FAILED, source, "could not write MTraining", "class M");
    assertThat(compilation.errors().stream().map(e -> e.getMessage(null)).filter(m -> m.contains("internal-error")).toList())
        .isEmpty();
  }

  @Test
  void trainingWithoutOptimizer() {
    assertError(Message.MISSING_OPTIMIZER, model("@Training(epochs = 3)", "  Layer a;"), "M has @Training but no @Optimizer", "@Training(epochs = 3)");
  }

  @Test
  void epochsNotPositive() {
    assertError(Message.NOT_POSITIVE, model("@Training(\n    epochs = 0)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)", "  Layer a;"),
        "@Training epochs must be positive, was 0 [anneal:not-positive]", "epochs = 0");
  }

  @Test
  void trainingLongerThanAnIntCountsSteps() {
    assertError(Message.TRAINING_TOO_LONG, model("@Training(epochs = 100000,\n    stepsPerEpoch = 100000)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)", "  Layer a;"),
        "@Training epochs * stepsPerEpoch must be at most 2147483647 (schedules count steps in an int, as PyTorch's last_epoch), was 10000000000", "stepsPerEpoch = 100000");
  }

  @Test
  void noParameterFields() {
    assertError(Message.NO_PARAMETERS, model(SGD, "  int hidden = 3;"), "M has no field holding parameters; accepted field types:", "@Training(epochs = 10)");
  }

  // --- fields -----------------------------------------------------------------------------------

  @Test
  void fieldTypeWithoutParameters() {
    assertError(Message.FIELD_TYPE, model(SGD, "  @LearningRate(0.1) String name;"),
        "field name of type java.lang.String holds no parameters; accepted types: dev.anneal.param.ParameterSource", "String name");
  }

  @Test
  void staticField() {
    assertError(Message.FIELD_STATIC, model(SGD, "  @LearningRate(0.1) static Layer shared;"), "field shared is static", "static Layer shared");
  }

  @Test
  void privateFieldWithoutAccessor() {
    assertError(Message.FIELD_PRIVATE, model(SGD, "  @LearningRate(0.1) private Layer head;"),
        "field head is private and M has no accessor head() or getHead(); make the field package-private, add the accessor, or add @Exclude",
        "private Layer head");
  }

  @Test
  void unannotatedPrivateFieldStillNeedsAnAccessor() {
    assertError(Message.FIELD_PRIVATE, model(SGD, "  private Parameter bias;"), "field bias is private", "private Parameter bias");
  }

  @Test
  void aGroupNamedLikeAnotherFieldsOwnGroup() {
    assertError(Message.DUPLICATE_GROUP, model(SGD, "  @LearningRate(0.01) Layer body;\n  @Group(\n    \"body\") Layer b;"),
        "group name \"body\" is used by field b and by field body; give each group its own name with @Group, or put "
            + "@Group(\"body\") on both fields to share one group", "\"body\") Layer b");
  }

  @Test
  void groupNamedLikeTheDefaultGroup() {
    assertError(Message.DUPLICATE_GROUP, model(SGD, "  Layer plain;\n  @Group(\"default\") @LearningRate(0.01) Layer named;"),
        "group name \"default\" is used by field named and by field plain", "Layer named");
  }

  @Test
  void blankGroupName() {
    assertError(Message.BLANK_GROUP, model(SGD, "  @Group(\" \") Layer a;"), "@Group on field a needs a non-blank name", "@Group(\" \")");
  }

  @Test
  void fieldConfiguredTwice() {
    assertError(Message.CONFIGURED_TWICE, model(SGD, "  @LearningRate(0.01)\n  @Hyperparameter(name = \"lr\",\n      value = \"0.02\") Layer a;"),
        "lr of field a is configured twice: once as 0.01 and again here; keep one", "value = \"0.02\"");
  }

  @Test
  void layerwiseDecayAndOwnLearningRate() {
    assertError(Message.LAYERWISE_AND_OWN_LR, model(SGD + "\n@LayerwiseDecay(0.5)", "  Layer a;\n  @LearningRate(\n      0.3) Layer b;"),
        "lr of field b is configured twice: by @LayerwiseDecay on the class and by this annotation; remove one", "0.3) Layer b");
  }

  @Test
  void excludedAndConfigured() {
    assertError(Message.EXCLUDED_CONFIGURED, model(SGD, "  @Exclude @Freeze(untilEpoch = 1) Layer teacher;"),
        "field teacher is @Exclude'd but also configured with @Freeze", "Layer teacher");
  }

  // --- values -----------------------------------------------------------------------------------

  @Test
  void learningRateNotPositive() {
    assertError(Message.OUT_OF_RANGE, model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD,\n    lr = -0.1)", "  Layer a;"),
        "@Optimizer lr must be in [0, inf), was -0.1", "lr = -0.1");
  }

  @Test
  void fieldLearningRateNegative() {
    assertError(Message.OUT_OF_RANGE, model(SGD, "  @LearningRate(-1e-3) Layer a;"),
        "@LearningRate of field a must be in [0, inf), was -0.001", "@LearningRate(-1e-3)");
  }

  @Test
  void learningRateZeroIsAcceptedAsByPyTorch() {
    assertThat(compile(model(SGD, "  @LearningRate(0) Layer a;"))).succeeded();
  }

  @Test
  void negativeWeightDecay() {
    assertError(Message.OUT_OF_RANGE, model(ADAMW, "  @WeightDecay(-1e-4) Layer a;"), "@WeightDecay of field a must be in [0, inf), was -1.0E-4",
        "@WeightDecay(-1e-4)");
  }

  @Test
  void momentumOutOfRange() {
    assertError(Message.OUT_OF_RANGE,
        model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1,\n    momentum = -0.5)", "  Layer a;"),
        "@Optimizer momentum must be in [0, inf), was -0.5", "momentum = -0.5");
  }

  @Test
  void warmupRestartsWarmupAsLongAsTheFirstCycleIsOnWarmupSteps() {
    assertError(Message.ARGUMENTS_CONFLICT, model("@Training(epochs = 10, stepsPerEpoch = 20)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
            + "@Schedule(type = ScheduleType.COSINE_ANNEALING_WARMUP_RESTARTS, interval = Interval.STEP, firstCycleSteps = 50,\n"
            + "    warmupSteps = 50)", "  Layer a;"),
        "CosineAnnealingWarmupRestarts warmup_steps must be smaller than first_cycle_steps, was 50 >= 50", "warmupSteps = 50");
  }

  @Test
  void lastEpochOfASchedulerAnnealCannotResumeIsOnTheKwarg() {
    assertError(Message.OUT_OF_RANGE, model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
            + "@Schedule(type = ScheduleType.CYCLIC, baseLr = 0.01, maxLr = 0.1, kwargs = @Kwarg(name = \"last_epoch\",\n"
            + "    value = \"4\"))", "  Layer a;"),
        "@Kwarg last_epoch must be in [-1, -1], was 4", "value = \"4\"");
  }

  @Test
  void lastEpochOnADeclaredPlanIsPyTorchsKeyErrorAtCompileTime() {
    assertError(Message.RESUME_BY_POSITION, model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
            + "@Schedule(type = ScheduleType.STEP, stepSize = 2, kwargs = @Kwarg(name = \"last_epoch\",\n"
            + "    value = \"4\"))", "  Layer a;"),
        "StepLR last_epoch must be -1 on a declared plan, was 4: its groups start without initial_lr", "value = \"4\"");
  }

  @Test
  void nesterovWithoutMomentumIsOnTheKwarg() {
    assertError(Message.ARGUMENTS_CONFLICT, model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1,\n"
            + "    kwargs = @Kwarg(name = \"nesterov\",\n        value = \"True\"))", "  Layer a;"),
        "SGD nesterov requires a momentum and zero dampening", "value = \"True\"");
  }

  @Test
  void pyTorchImplementationFlagsAndNoneAreAccepted() {
    Compilation compilation = compile(model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.ADAM, lr = 0.1, kwargs = {\n"
        + "    @Kwarg(name = \"foreach\", value = \"None\"), @Kwarg(name = \"fused\", value = \"False\"),\n"
        + "    @Kwarg(name = \"capturable\", value = \"False\"), @Kwarg(name = \"differentiable\", value = \"False\"),\n"
        + "    @Kwarg(name = \"decoupled_weight_decay\", value = \"True\")})", "  Layer a;"));
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().filter(w -> w.getMessage(null).contains("anneal:")).toList()).isEmpty();
    assertThat(compilation).generatedSourceFile("test.MTraining").contentsAsUtf8String().contains(".foreach((Boolean) null)");
  }

  @Test
  void betasOutOfRange() {
    assertError(Message.OUT_OF_RANGE, model(ADAMW, "  @Betas({0.9, 1.0}) Layer a;"), "@Betas of field a element 1 must be in [0, 1), was [0.9, 1.0]",
        "@Betas({0.9, 1.0})");
  }

  @Test
  void attributeNotTakenByTheOptimizer() {
    assertError(Message.NOT_APPLICABLE, model(ADAMW, "  @Momentum(0.9) Layer a;"), "@Momentum does not apply to AdamW; it takes lr, betas, eps",
        "@Momentum(0.9)");
  }

  @Test
  void unknownKwarg() {
    assertError(Message.UNKNOWN_KWARG, model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, kwargs = @Kwarg(\n"
            + "    name = \"nesterow\", value = \"true\"))", "  Layer a;"),
        "SGD has no argument \"nesterow\" (did you mean nesterov?); it takes lr, momentum, dampening, weight_decay, nesterov, maximize, "
            + "foreach, fused, capturable, differentiable", "name = \"nesterow\"");
  }

  @Test
  void kwargValueOfTheWrongType() {
    assertError(Message.BAD_KWARG_VALUE, model(SGD, "  @Hyperparameter(name = \"nesterov\",\n      value = \"yes\") Layer a;"),
        "argument nesterov of SGD must be true or false, was \"yes\"", "value = \"yes\"");
  }

  @Test
  void sequentialMilestonesNotIncreasing() {
    assertError(Message.OUT_OF_RANGE, model(SGD + "\n@SequentialSchedule(value = {@Schedule(type = ScheduleType.LINEAR), "
            + "@Schedule(type = ScheduleType.CONSTANT), @Schedule(type = ScheduleType.COSINE)},\n    milestones = {4, 2})", "  Layer a;"),
        "@SequentialSchedule milestones must be increasing, was [4, 2]", "milestones = {4, 2}");
  }

  @Test
  void sequentialMilestoneCount() {
    assertError(Message.MILESTONE_COUNT, model(SGD + "\n@SequentialSchedule(value = {@Schedule(type = ScheduleType.LINEAR), "
            + "@Schedule(type = ScheduleType.COSINE)},\n    milestones = {2, 4})", "  Layer a;"),
        "@SequentialSchedule needs one milestone fewer than schedules (2 schedules), had 2 milestones", "milestones = {2, 4}");
  }

  @Test
  void scheduleAttributeNotTakenByTheType() {
    assertError(Message.NOT_APPLICABLE, model(SGD + "\n@Schedule(type = ScheduleType.COSINE,\n    stepSize = 3)", "  Layer a;"),
        "@Schedule stepSize does not apply to CosineAnnealingLR; it takes T_max, eta_min", "stepSize = 3");
  }

  @Test
  void scheduleMissingItsRequiredArgument() {
    assertError(Message.MISSING_ARGUMENT, model(SGD + "\n@Schedule(\n    type = ScheduleType.STEP)", "  Layer a;"),
        "StepLR needs step_size; set stepSize = ...", "type = ScheduleType.STEP");
  }

  @Test
  void nestedScheduleValueIsReportedOnItsLine() {
    assertError(Message.OUT_OF_RANGE, model(SGD + "\n@ChainedSchedule({\n    @Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9),\n"
            + "    @Schedule(type = ScheduleType.STEP, stepSize = 2,\n        gamma = -0.5)})", "  Layer a;"),
        "@Schedule gamma must be in [0, inf), was -0.5", "gamma = -0.5");
  }

  // --- freezing ---------------------------------------------------------------------------------

  @Test
  void freezePastTheEnd() {
    assertError(Message.PAST_END, model(SGD, "  @Freeze(\n      untilEpoch = 20) Layer a;"),
        "@Freeze untilEpoch must be at most the training's length (10 epochs), was 20", "untilEpoch = 20");
  }

  @Test
  void freezeStepPastTheEndIsTheSameErrorAsInEpochs() {
    assertError(Message.PAST_END, model("@Training(epochs = 2, stepsPerEpoch = 100)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
            "  @Freeze(\n      untilStep = 201) Layer a;\n  Layer b;"),
        "@Freeze untilStep must be at most the training's length (2 epochs = 200 steps), was 201", "untilStep = 201");
  }

  @Test
  void freezeWithoutUntil() {
    assertError(Message.FREEZE_NEEDS_UNTIL, model(SGD, "  @Freeze Layer a;"), "@Freeze on field a needs untilEpoch or untilStep", "@Freeze Layer a");
  }

  @Test
  void freezeUntilEpochAndStep() {
    assertError(Message.FREEZE_EPOCH_AND_STEP, model(SGD, "  @Freeze(untilEpoch = 1,\n      untilStep = 100) Layer a;"),
        "@Freeze gives both untilEpoch and untilStep; give one of them", "untilStep = 100");
  }

  // --- warmup -----------------------------------------------------------------------------------

  @Test
  void warmupLongerThanTraining() {
    assertError(Message.PAST_END, model(SGD + "\n@Warmup(\n    epochs = 11)", "  Layer a;"),
        "@Warmup epochs must be at most the training's length (10 epochs), was 11", "epochs = 11");
  }

  @Test
  void warmupStepsLongerThanKnownTraining() {
    assertError(Message.PAST_END, model("@Training(epochs = 2, stepsPerEpoch = 100)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1)\n"
            + "@Warmup(\n    steps = 201)", "  Layer a;"),
        "@Warmup steps must be at most the training's length (2 epochs = 200 steps), was 201", "steps = 201");
  }

  @Test
  void warmupWithoutLength() {
    assertError(Message.WARMUP_NEEDS_LENGTH, model(SGD + "\n@Warmup(startFactor = 0.1)", "  Layer a;"), "@Warmup needs epochs or steps, positive",
        "@Warmup(startFactor = 0.1)");
  }

  @Test
  void oneCycleWithWarmup() {
    assertError(Message.WARMUP_BEFORE_ONE_CYCLE, model(SGD + "\n@Warmup(epochs = 1)\n@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.5)", "  Layer a;"),
        "@Warmup before OneCycleLR: OneCycleLR warms up by itself (pct_start)", "@Warmup(epochs = 1)");
  }

  @Test
  void twoMainSchedules() {
    // on the class a plateau may join another main schedule (PlateauOnTopTest); two others may not
    assertError(Message.TWO_MAIN_SCHEDULES, model(SGD + "\n@Schedule(type = ScheduleType.COSINE)\n"
            + "@SequentialSchedule(value = {@Schedule(type = ScheduleType.CONSTANT), @Schedule(type = ScheduleType.COSINE)}, milestones = 2)",
            "  Layer a;"),
        "@SequentialSchedule next to @Schedule: give one main schedule", "@SequentialSchedule(value");
  }

  @Test
  void warmupRatioAndWarmupStepsTogether() {
    assertError(Message.ARGUMENTS_CONFLICT, model(ADAMW + "\n@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, interval = Interval.STEP,\n"
            + "    numWarmupSteps = 10,\n    warmupRatio = 0.1)", "  Layer a;"),
        "gives both num_warmup_steps and warmup_ratio; give one of them", "warmupRatio = 0.1");
  }

  @Test
  void warmupRatioOfOne() {
    assertError(Message.OUT_OF_RANGE, model(ADAMW + "\n@Schedule(type = ScheduleType.COSINE_WITH_WARMUP, interval = Interval.STEP,\n"
            + "    warmupRatio = 1.0)", "  Layer a;"),
        "@Schedule warmupRatio", "warmupRatio = 1.0");
  }

  @Test
  void linearWithWarmupWithoutAnyWarmup() {
    assertError(Message.ARGUMENTS_CONFLICT, model(ADAMW + "\n@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, interval = Interval.STEP)",
        "  Layer a;"), "needs num_warmup_steps or warmup_ratio", "@Schedule(type = ScheduleType.LINEAR_WITH_WARMUP");
  }

  @Test
  void fairseqWithoutWarmupUpdates() {
    assertError(Message.OUT_OF_RANGE, model(ADAMW + "\n@Schedule(type = ScheduleType.FAIRSEQ_INVERSE_SQRT, interval = Interval.STEP,\n"
            + "    warmupUpdates = 0)", "  Layer a;"),
        "@Schedule warmupUpdates", "warmupUpdates = 0");
  }

  @Test
  void windowLossScaleWithoutAccumulation() {
    assertWarning(Message.LOSS_SCALE_WITHOUT_ACCUMULATION, model(SGD + "\n@Accumulate(value = 1,\n    lossScale = LossScale.WINDOW)",
        "  Layer a;"), "@Accumulate lossScale = WINDOW has no effect with value 1", "lossScale = LossScale.WINDOW");
  }

  @Test
  void composedSchedulesWithDifferentIntervals() {
    assertError(Message.MIXED_INTERVALS, model(SGD + "\n@ChainedSchedule({@Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9),\n"
            + "    @Schedule(type = ScheduleType.CONSTANT,\n        interval = Interval.STEP)})", "  Layer a;"),
        "interval STEP differs from interval EPOCH of the first schedule", "interval = Interval.STEP");
  }

  @Test
  void clipByNormAndByValue() {
    assertError(Message.TWO_CLIPPINGS, model(SGD + "\n@ClipGradNorm(1.0)\n@ClipGradValue(0.5)", "  Layer a;"),
        "@ClipGradValue next to @ClipGradNorm: clip by norm or by value, not both", "@ClipGradValue(0.5)");
  }

  // --- one cycle, cyclic, plateau ---------------------------------------------------------------

  @Test
  void oneCycleWarmupShorterThanAStepIsAWarning() {
    // torch runs it: the first phase ends at 0.2 * 3 - 1 < 0, so step 0 is already in the second
    assertWarning(Message.ONE_CYCLE_FIT, model("@Training(epochs = 3)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
            + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 1.0,\n    pctStart = 0.2)", "  Layer a;"),
        "OneCycleLR phases barely fit: pct_start 0.2 of 3 epochs leaves a phase at most one step long; PyTorch runs it", "pctStart = 0.2");
  }

  @Test
  void fastaiFrozenPhaseIsAWarning() {
    // fastai's fine_tune: fit_one_cycle(1, pct_start=0.99) over 99 batches, a last phase of 0.99 steps
    assertWarning(Message.ONE_CYCLE_FIT, model("@Training(epochs = 1, stepsPerEpoch = 99)\n"
            + "@Optimizer(type = OptimizerType.ADAM, lr = 0.002)\n"
            + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.002, interval = Interval.STEP,\n    pctStart = 0.99)", "  Layer a;"),
        "OneCycleLR phases barely fit: pct_start 0.99 of 99 steps leaves a phase at most one step long", "pctStart = 0.99");
  }

  @Test
  void fastaiFrozenPhaseWarningSuppressedByKey() {
    Compilation compilation = compile(model("@SuppressWarnings(\"anneal:one-cycle-fit\")\n@Training(epochs = 1, stepsPerEpoch = 99)\n"
        + "@Optimizer(type = OptimizerType.ADAM, lr = 0.002)\n"
        + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.002, interval = Interval.STEP, pctStart = 0.99)", "  Layer a;"));
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().filter(w -> w.getMessage(null).contains("anneal:")).toList()).isEmpty();
  }

  @Test
  void twoOneCyclesInSequenceShareTheLastBounds() {
    assertWarning(Message.ONE_CYCLE_SHARED_BOUNDS, model("@Training(epochs = 10, stepsPerEpoch = 10)\n"
            + "@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
            + "@SequentialSchedule(value = {\n"
            + "    @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.1, totalSteps = 40, interval = Interval.STEP),\n"
            + "    @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.02, interval = Interval.STEP)},\n"
            + "    milestones = {40})", "  Layer a;"),
        "OneCycleLR 1 of 2 in @SequentialSchedule runs between the last one's bounds (max_lr 0.02), not its own",
        "maxLr = 0.1, totalSteps = 40");
  }

  @Test
  void oneCyclePhaseOfZeroStepsIsAnError() {
    // 0.2 * 5 - 1 == 0: torch's get_lr divides 0 by 0 at construction (ZeroDivisionError)
    assertError(Message.ONE_CYCLE_EMPTY_PHASE, model("@Training(epochs = 5)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)\n"
            + "@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 1.0,\n    pctStart = 0.2)", "  Layer a;"),
        "OneCycleLR phases do not fit: pct_start 0.2 of 5 epochs makes phase 1 zero steps long, and PyTorch divides by its length at step 0",
        "pctStart = 0.2");
  }

  @Test
  void oneCycleShorterThanTraining() {
    assertError(Message.SCHEDULE_TOO_SHORT, model(SGD + "\n@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 1.0,\n    totalSteps = 8)", "  Layer a;"),
        "OneCycleLR total_steps is 8 epochs long but the training lasts 10 epochs", "totalSteps = 8");
  }

  @Test
  void cyclicMomentumWithoutMomentum() {
    assertError(Message.CYCLE_MOMENTUM, model("@Training(epochs = 10)\n@Optimizer(type = OptimizerType.ADAGRAD, lr = 0.1)\n"
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
    assertDiagnostic(compilation, Message.LAMBDA_CLASS, source,
        "@LambdaSchedule needs a class the generated code can instantiate; test.Factor: give it a non-private constructor without arguments",
        "Factor.class");
  }

  @Test
  void warmupAroundALambda() {
    assertError(Message.WARMUP_AROUND_LAMBDA, model(SGD + "\n@Warmup(epochs = 1)\n@LambdaSchedule(test.Fields.Halving.class)", "  Layer a;"),
        "@Warmup cannot wrap @LambdaSchedule's Java function", "@Warmup(epochs = 1)");
  }

  @Test
  void plateauWithoutMonitor() {
    assertError(Message.MISSING_MONITOR, model(SGD + "\n@ReduceLrOnPlateau(\n    monitor = \"\")", "  Layer a;"),
        "@ReduceLrOnPlateau needs the metric it watches, such as monitor = \"val_loss\"", "monitor = \"\"");
  }

  @Test
  void plateauFactorOutOfRange() {
    assertError(Message.OUT_OF_RANGE, model(SGD + "\n@ReduceLrOnPlateau(monitor = \"val_loss\",\n    factor = 1.5)", "  Layer a;"),
        "@ReduceLrOnPlateau factor must be in [0, 1), was 1.5", "factor = 1.5");
  }

  // --- warnings ---------------------------------------------------------------------------------

  @Test
  void milestoneAfterTheLastEpoch() {
    assertWarning(Message.MILESTONE_AFTER_END, model(SGD + "\n@Schedule(type = ScheduleType.MULTI_STEP,\n    milestones = {5, 12})", "  Layer a;"),
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
    assertWarning(Message.FROZEN_WHOLE_RUN, model(SGD, "  @Freeze(\n      untilEpoch = 10) Layer a;\n  Layer b;"),
        "group a stays frozen for the whole run (untilEpoch = 10 = epochs); it never trains", "untilEpoch = 10");
  }

  @Test
  void etaMinAtOrAboveTheGroupLr() {
    assertWarning(Message.ETA_MIN_ABOVE_LR, model(SGD + "\n@Schedule(type = ScheduleType.COSINE,\n    etaMin = 0.05)", "  @LearningRate(0.01) Layer a;\n  Layer b;"),
        "eta_min 0.05 is at or above the lr of group a (0.01)", "etaMin = 0.05");
  }
}
