package dev.anneal.processor.base;

import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.WARNING;

import javax.tools.Diagnostic;

/**
 * The catalog of every diagnostic the processor prints: one entry per situation, each with its
 * kind (error or warning) and a stable key (also the name under which a warning is suppressed:
 * {@code @SuppressWarnings("anneal:milestone-after-end")}). One grammar: what is wrong, with the
 * value found, then how to fix it.
 */
public enum Message {
  // Structure of the model class
  MODEL_NOT_CLASS(ERROR, "model-not-class", "@Training must be on a class, not on %s"),
  MODEL_NOT_REACHABLE(ERROR, "model-not-reachable",
      "%s must not be private, and a nested class must be static, so that the generated %s can use it"),
  MODEL_GENERIC(ERROR, "model-generic", "%s must not declare type parameters; annotate a concrete subclass instead"),
  MODEL_AUXILIARY(ERROR, "model-auxiliary",
      "%s is declared in %s beside another top-level class; the generated %s could only use it with javac's auxiliaryclass "
          + "warning, which fails -Werror builds: move %1$s to its own file %1$s.java or make it a static nested class"),
  MODEL_LOCAL(ERROR, "model-local",
      "@Training on the local class %s does nothing: annotation processors never see local classes, so no %1$sTraining is "
          + "generated; make it a top-level or static nested class"),
  MISSING_TRAINING(ERROR, "missing-training", "@%s on %s needs @Training(epochs = ...) on the class %s"),
  MISSING_OPTIMIZER(ERROR, "missing-optimizer",
      "%s has @Training but no @Optimizer; add for example @Optimizer(type = OptimizerType.SGD, lr = 0.1)"),
  RUNTIME_MISSING(ERROR, "runtime-missing", "%s is not on the classpath; add a dependency on dev.anneal:anneal-runtime"),
  NO_PARAMETERS(ERROR, "no-parameters", "%s has no field holding parameters; accepted field types: %s"),
  TRAINING_TOO_LONG(ERROR, "training-too-long",
      "@Training epochs * stepsPerEpoch must be at most %d (schedules count steps in an int, as PyTorch's last_epoch), was %d"),

  // Fields
  FIELD_TYPE(ERROR, "field-type", "field %s of type %s holds no parameters; accepted types: %s"),
  FIELD_INHERITED_UNREACHABLE(ERROR, "field-inherited-unreachable",
      "field %s inherited from %s cannot be read by the generated %s (%s); make it public in a public class or "
          + "package-private in package %s, add a non-private accessor %s() to %s, or add @Exclude to it"),
  FIELD_HIDDEN(ERROR, "field-hidden",
      "field %s inherited from %s is hidden by field %s of %s; the generated code could read only one of them: rename one or "
          + "add @Exclude to it"),
  FIELD_STATIC(ERROR, "field-static",
      "field %s is static; parameters belong to an instance: make it an instance field or add @Exclude"),
  FIELD_PRIVATE(ERROR, "field-private",
      "field %s is private and %s has no accessor %s() or %s(); make the field package-private, add the accessor, or add @Exclude"),
  DUPLICATE_GROUP(ERROR, "duplicate-group",
      "group name \"%s\" is used by field %s and by %s; give each group its own name with @Group, or put @Group(\"%1$s\") on both fields to share one group"),
  GROUP_CONFLICT(ERROR, "group-conflict",
      "field %s and field %s share group \"%s\" but give %s different values (%s, then %s); a group has one value: give both fields the same or put them in separate groups"),
  NO_DECAY_SELECTS_NOTHING(ERROR, "no-decay-selects-nothing",
      "@NoDecay(ParamKind.NONE) with no names selects no parameters; give a kind or names"),
  BLANK_PATTERN(ERROR, "blank-pattern", "@NoDecay names must not hold a blank pattern"),
  LAYER_IDS_WITH_PATTERN(ERROR, "layer-ids-with-pattern",
      "@LayerDecay layerPattern \"%s\" is read only with layers = LayerIds.PATTERN, but layers is %s; remove one of them"),
  LAYER_PATTERN(ERROR, "layer-pattern",
      "@LayerDecay layerPattern \"%s\" %s; write a regular expression over the full name with one capturing group around the layer number"),
  GROUP_NAME_PADDED(ERROR, "group-name-padded",
      "@Group name \"%s\" of field %s begins or ends with whitespace or a control character, which the name would silently "
          + "lose; write \"%s\""),
  BLANK_GROUP(ERROR, "blank-group", "@Group on field %s needs a non-blank name"),
  EXCLUDED_CONFIGURED(ERROR, "excluded-configured",
      "field %s is @Exclude'd but also configured with @%s; remove one of them"),
  CONFIGURED_TWICE(ERROR, "configured-twice", "%s of %s is configured twice: once as %s and again here; keep one"),
  LAYERWISE_AND_OWN_LR(ERROR, "layerwise-and-own-lr",
      "lr of field %s is configured twice: by @LayerwiseDecay on the class and by this annotation; remove one"),

  // Arguments and their values
  NOT_APPLICABLE(ERROR, "not-applicable", "%s does not apply to %s; it takes %s"),
  UNKNOWN_KWARG(ERROR, "unknown-kwarg", "%s has no argument \"%s\"%s; it takes %s"),
  BAD_KWARG_VALUE(ERROR, "bad-kwarg-value", "argument %s of %s %s, was %s"),
  MISSING_ARGUMENT(ERROR, "missing-argument", "%s needs %s; set %s"),
  OUT_OF_RANGE(ERROR, "out-of-range", "%s %s"),
  ARGUMENTS_CONFLICT(ERROR, "arguments-conflict", "%s"),
  RESUME_BY_POSITION(ERROR, "resume-by-position",
      "%s last_epoch must be -1 on a declared plan, was %s: its groups start without initial_lr, which PyTorch refuses with a KeyError; resume a plan with plan.load(checkpoint)"),
  NOT_POSITIVE(ERROR, "not-positive", "%s must be positive, was %s"),
  NEGATIVE(ERROR, "negative", "%s must be at least 0, was %s"),
  UNKNOWN_TYPE(ERROR, "unknown-type", "%s; register it with a DescriptorProvider on the processor path"),
  TYPE_AND_CUSTOM(ERROR, "type-and-custom", "%s gives both type and custom; give one of them"),
  NEEDS_TYPE(ERROR, "needs-type", "%s needs type = ... or custom = \"<registered name>\""),
  UNSUPPORTED(ERROR, "unsupported", "%s is not supported: %s"),

  LOSS_NEEDS_DJL(ERROR, "loss-needs-djl",
      "@Loss needs the losses of dev.anneal:anneal-djl (package %s) on the classpath; add the dependency"),
  LOSS_WEIGHT_LENGTH(ERROR, "loss-weight-length", "@Loss %s must hold one entry per class (classes = %d), had %d"),
  LOSS_WEIGHT_SHAPE(ERROR, "loss-weight-shape", "@Loss %s %s, was %s"),

  // Lengths and composition
  PAST_END(ERROR, "past-end", "%s must be at most the training's length (%s), was %s"),
  FREEZE_NEEDS_UNTIL(ERROR, "freeze-needs-until", "@Freeze on field %s needs untilEpoch or untilStep"),
  BATCH_NORM_WITHOUT_BUFFERS(WARNING, "batch-norm-without-buffers",
      "@Freeze batchNorm = HOLD on field %s has no effect: a %s holds bare parameters, no BatchNorm statistics"),
  TRAIN_NORM_WITH_HOLD(ERROR, "train-norm-with-hold",
      "@Freeze trainNorm = true on field %s contradicts batchNorm = HOLD: norm layers that train cannot hold their "
          + "running statistics; drop one of them"),
  TRAIN_NORM_NEVER_FROZEN(ERROR, "train-norm-never-frozen",
      "@Freeze trainNorm = true on field %s has no effect: %s = 0 never freezes the field; freeze it for at least "
          + "one %s or drop trainNorm"),
  FREEZE_EPOCH_AND_STEP(ERROR, "freeze-epoch-and-step", "@Freeze gives both untilEpoch and untilStep; give one of them"),
  WARMUP_NEEDS_LENGTH(ERROR, "warmup-needs-length", "@Warmup needs epochs or steps, positive"),
  WARMUP_EPOCHS_AND_STEPS(ERROR, "warmup-epochs-and-steps", "@Warmup gives both epochs and steps; give one of them"),
  WARMUP_AROUND_LAMBDA(ERROR, "warmup-around-lambda",
      "@Warmup cannot wrap @LambdaSchedule's Java function; write the warmup into the function"),
  WARMUP_STEP_ONLY(ERROR, "warmup-step-only",
      "@Warmup %s applies at every optimizer step of a warmup into a schedule stepped per epoch, but this warmup %s; "
          + "give the warmup in steps before a @Schedule with interval = Interval.EPOCH, or remove %1$s"),
  WARMUP_LINEAR_ONLY(ERROR, "warmup-linear-only",
      "@Warmup %s moves in a straight line (YOLOv5's np.interp), but the shape is %s; use shape = WarmupShape.LINEAR or remove %1$s"),
  WARMUP_START_LR_AND_FACTOR(ERROR, "warmup-start-lr-and-factor",
      "@Warmup gives both startLr and startFactor; the warmup starts either from an absolute lr or from a factor of the "
          + "scheduled lr: keep one"),
  WARMUP_MIN_STEPS_NEEDS_EPOCHS(ERROR, "warmup-min-steps-needs-epochs",
      "@Warmup minSteps is the fewest steps of a warmup given in epochs (max(epochs * stepsPerEpoch, minSteps)); give epochs, "
          + "or remove minSteps and give steps"),
  WARMUP_HOLD_ON_FIELD(ERROR, "warmup-hold-on-field",
      "@Warmup holdAfter on field %s: it delays the class's schedule, so it belongs to the class's @Warmup; move it there"),
  WARMUP_MOMENTUM_WITHOUT_MOMENTUM(ERROR, "warmup-momentum-without-momentum",
      "@Warmup startMomentum warms momentum up but %s has neither momentum nor betas; remove startMomentum or use an "
          + "optimizer with momentum"),
  WARMUP_BEFORE_ONE_CYCLE(ERROR, "warmup-before-one-cycle",
      "@Warmup before OneCycleLR: OneCycleLR warms up by itself (pct_start); remove @Warmup or choose another schedule"),
  TWO_MAIN_SCHEDULES(ERROR, "two-main-schedules",
      "@%s next to @%s: give one main schedule; compose several with @SequentialSchedule or @ChainedSchedule"
          + " (only @ReduceLrOnPlateau may join another main schedule, on the class)"),
  MIXED_INTERVALS(ERROR, "mixed-intervals",
      "interval %s differs from interval %s of the first schedule; composed schedules step together: give them one interval"),
  MILESTONE_COUNT(ERROR, "milestone-count",
      "@SequentialSchedule needs one milestone fewer than schedules (%d schedules), had %d milestones"),
  ONE_CYCLE_EMPTY_PHASE(ERROR, "one-cycle-empty-phase",
      "OneCycleLR phases do not fit: %s makes phase %d zero steps long, and PyTorch divides by its length at step %d (ZeroDivisionError); change pct_start or the length"),
  SCHEDULE_TOO_SHORT(ERROR, "schedule-too-short",
      "%s is %s long but the training lasts %s; the schedule would be stepped past its end"),
  CYCLE_MOMENTUM(ERROR, "cycle-momentum",
      "%s cycles momentum but %s has neither momentum nor betas; set cycleMomentum = false or use an optimizer with momentum"),
  LAMBDA_CLASS(ERROR, "lambda-class", "@LambdaSchedule needs a class the generated code can instantiate; %s %s"),
  MISSING_MONITOR(ERROR, "missing-monitor", "@ReduceLrOnPlateau needs the metric it watches, such as monitor = \"val_loss\""),
  TWO_CLIPPINGS(ERROR, "two-clippings", "@ClipGradValue next to @ClipGradNorm: clip by norm or by value, not both"),

  FINE_TUNE_EPOCHS(ERROR, "fine-tune-epochs",
      "fastai.fine_tune freeze_epochs + epochs is %d epochs but the training lasts %d; fine_tune fits freeze_epochs, then epochs: "
          + "make them add up to @Training epochs"),
  SLANTED_TRIANGLE_CYCLES(ERROR, "slanted-triangle-cycles", "SlantedTriangularLR over %s: %s"),
  PER_BATCH_SCHEDULE(ERROR, "per-batch-schedule",
      "%s moves at every batch, as %s does, but is declared with interval %s; set interval = Interval.STEP"),

  // Warnings: legal but dubious
  MILESTONES_UNORDERED(WARNING, "milestones-unordered",
      "%s milestones %s are not increasing; PyTorch counts them as a set (a repeated one multiplies by gamma again): "
          + "write them in increasing order"),
  MILESTONE_AFTER_END(WARNING, "milestone-after-end",
      "%s %s is at or after the end of the training (%s); it never takes effect"),
  FROZEN_WHOLE_RUN(WARNING, "frozen-whole-run", "group %s stays frozen for the whole run (%s); it never trains"),
  ONE_CYCLE_FIT(WARNING, "one-cycle-fit", "OneCycleLR phases barely fit: %s"),
  ONE_CYCLE_SHARED_BOUNDS(WARNING, "one-cycle-shared-bounds",
      "OneCycleLR %d of %d in %s runs between the last one's bounds (max_lr %s), not its own: each OneCycleLR writes initial_lr, max_lr and min_lr into the param groups and PyTorch reads them back there; Anneal gives PyTorch's numbers"),
  FINE_TUNE_LAST_FROZEN(WARNING, "fine-tune-last-frozen",
      "group %s is fastai.fine_tune's last layer group, which fine_tune never freezes (its frozen fit trains it); remove its @Freeze"),
  FINE_TUNE_THAW(WARNING, "fine-tune-thaw",
      "group %s thaws at %s, but fastai.fine_tune unfreezes every layer group when its second fit begins, at epoch %d "
          + "(freeze_epochs); use @Freeze(untilEpoch = %3$d)"),
  LOSS_SCALE_WITHOUT_ACCUMULATION(WARNING, "loss-scale-without-accumulation",
      "@Accumulate lossScale = WINDOW has no effect with value 1: every window is one micro-batch; remove lossScale or accumulate more"),
  ETA_MIN_ABOVE_LR(WARNING, "eta-min-above-lr",
      "%s %s is at or above the lr of group %s (%s); the schedule raises the lr or keeps it flat"),

  // Kind groups and the EMA of the weights
  KIND_GROUP_NONE(ERROR, "kind-group-none",
      "@KindGroup kind NONE selects no parameters; give BIAS, NORM, BIAS_AND_NORM or ONE_DIMENSIONAL"),
  KIND_GROUP_TWICE(ERROR, "kind-group-twice",
      "@KindGroup kind %s is declared twice; a parameter goes to the first that selects it: keep one"),
  KIND_GROUP_CHANGES_NOTHING(ERROR, "kind-group-changes-nothing",
      "@KindGroup(kind = %s) changes nothing; set lrFactor or weightDecay, or remove it"),
  TWO_AVERAGES(ERROR, "two-averages",
      "@Swa next to @Ema: a plan keeps one average; remove one (attach a second AveragedModel to the plan in code)"),
  EMA_RAMP_WITH_TORCHVISION(ERROR, "ema-ramp-with-torchvision",
      "@Ema %s is torchvision's, but rampTau makes this YOLOv5's ModelEMA, which updates after every step with its own"
          + " decay; remove %1$s or rampTau"),

  // The processor itself
  WRITE_FAILED(ERROR, "write-failed", "could not write %s (%s); if a class of that name exists already, rename it or the model"),
  INTERNAL_ERROR(ERROR, "internal-error",
      "internal error in the Anneal processor while processing %s; please report it with this trace:%n%s");

  private final Diagnostic.Kind kind;
  private final String key;
  private final String format;

  Message(Diagnostic.Kind kind, String key, String format) {
    this.kind = kind;
    this.key = key;
    this.format = format;
  }

  public String key() {
    return key;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  public boolean isWarning() {
    return kind == WARNING;
  }

  /** The printed text: the message, then the key to look it up or suppress it. */
  public String render(Object... args) {
    String text = String.format(format, args);
    return isWarning()
        ? text + " [anneal:" + key + ", suppress with @SuppressWarnings(\"anneal:" + key + "\")]"
        : text + " [anneal:" + key + "]";
  }
}
