package dev.anneal.processor.base;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor can print, with a stable key (also the name under which a
 * warning is suppressed: {@code @SuppressWarnings("anneal:milestone-after-end")}). One grammar:
 * what is wrong, with the value found, then how to fix it.
 */
public enum Message {
  // Structure of the model class
  MODEL_NOT_CLASS("model-not-class", "@Training must be on a class, not on %s"),
  MODEL_NOT_REACHABLE("model-not-reachable",
      "%s must not be private, and a nested class must be static, so that the generated %s can use it"),
  MODEL_GENERIC("model-generic", "%s must not declare type parameters; annotate a concrete subclass instead"),
  MISSING_TRAINING("missing-training",
      "@%s on %s needs @Training(epochs = ...) on the class %s"),
  MISSING_OPTIMIZER("missing-optimizer",
      "%s has @Training but no @Optimizer; add for example @Optimizer(type = OptimizerType.SGD, lr = 0.1)"),
  RUNTIME_MISSING("runtime-missing",
      "%s is not on the classpath; add a dependency on dev.anneal:anneal-runtime"),
  NO_PARAMETERS("no-parameters",
      "%s has no field holding parameters; accepted field types: %s"),

  // Fields
  FIELD_TYPE("field-type",
      "field %s of type %s holds no parameters; accepted types: %s"),
  FIELD_STATIC("field-static",
      "field %s is static; parameters belong to an instance: make it an instance field or add @Exclude"),
  FIELD_PRIVATE("field-private",
      "field %s is private and %s has no accessor %s() or %s(); make the field package-private, add the accessor, or add @Exclude"),
  DUPLICATE_GROUP("duplicate-group",
      "group name \"%s\" is used by field %s and by %s; give each group its own name with @Group"),
  BLANK_GROUP("blank-group", "@Group on field %s needs a non-blank name"),
  CONFIGURED_TWICE("configured-twice", "%s of %s is configured twice: %s"),
  CONTRADICTION("contradiction", "%s contradicts %s: %s"),
  EXCLUDED_CONFIGURED("excluded-configured",
      "field %s is @Exclude'd but also configured with @%s; remove one of them"),

  // Values
  NOT_POSITIVE("not-positive", "%s must be positive, was %s"),
  NEGATIVE("negative", "%s must be at least 0, was %s"),
  OUT_OF_RANGE("out-of-range", "%s must be in %s, was %s"),
  BETAS_RANGE("betas-range", "%s must be two values, each in [0, 1), was %s"),
  NOT_INCREASING("not-increasing", "%s must be strictly increasing, was %s"),
  MILESTONE_COUNT("milestone-count",
      "@SequentialSchedule needs one milestone fewer than schedules (%d schedules), had %d milestones"),
  FREEZE_PAST_END("freeze-past-end",
      "@Freeze untilEpoch must be at most the training's epochs (%d), was %d"),
  FREEZE_NEEDS_UNTIL("freeze-needs-until", "@Freeze on field %s needs untilEpoch or untilStep"),
  WARMUP_TOO_LONG("warmup-too-long",
      "@Warmup of %s is longer than the training (%s); shorten it or train longer"),
  WARMUP_NEEDS_LENGTH("warmup-needs-length", "@Warmup needs epochs or steps, positive"),
  WARMUP_UNIT("warmup-unit", "@Warmup steps = %d cannot precede %s, which steps once per epoch; give the warmup in epochs"),
  ONE_CYCLE_FIT("one-cycle-fit", "OneCycleLR phases do not fit: %s"),
  SCHEDULE_TOO_SHORT("schedule-too-short",
      "%s is %s long but the training lasts %s; the schedule would be stepped past its end"),
  CYCLE_MOMENTUM("cycle-momentum",
      "%s cycles momentum but %s has neither momentum nor betas; set cycleMomentum = false or use an optimizer with momentum"),
  LAMBDA_CLASS("lambda-class",
      "@LambdaSchedule needs a class the generated code can instantiate; %s %s"),
  MISSING_MONITOR("missing-monitor",
      "@ReduceLrOnPlateau needs the metric it watches, such as monitor = \"val_loss\""),
  MISSING_ARGUMENT("missing-argument", "%s needs %s; set %s"),
  NOT_APPLICABLE("not-applicable", "%s does not apply to %s; it takes %s"),
  UNKNOWN_KWARG("unknown-kwarg", "%s has no argument \"%s\"; it takes %s"),
  BAD_KWARG_VALUE("bad-kwarg-value", "argument %s of %s must be %s, was \"%s\""),
  // Warnings: legal but dubious
  MILESTONE_AFTER_END("milestone-after-end",
      "%s %s is at or after the end of the training (%s); it never takes effect"),
  FROZEN_WHOLE_RUN("frozen-whole-run",
      "group %s stays frozen for the whole run (%s); it never trains"),
  ETA_MIN_ABOVE_LR("eta-min-above-lr",
      "%s %s is at or above the lr of group %s (%s); the schedule raises the lr or keeps it flat"),

  WRITE_FAILED("write-failed",
      "could not write %s (%s); if a class of that name exists already, rename it or the model"),
  INTERNAL_ERROR("internal-error",
      "internal error in the Anneal processor while processing %s; please report it with this trace:%n%s");

  private final String key;
  private final String format;

  Message(String key, String format) {
    this.key = key;
    this.format = format;
  }

  public String key() {
    return key;
  }

  public boolean isWarning() {
    return this == MILESTONE_AFTER_END || this == FROZEN_WHOLE_RUN || this == ETA_MIN_ABOVE_LR;
  }

  public Diagnostic.Kind kind() {
    return isWarning() ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR;
  }

  /** The printed text: the message, then the key to look it up or suppress it. */
  public String render(Object... args) {
    String text = String.format(format, args);
    return isWarning()
        ? text + " [anneal:" + key + ", suppress with @SuppressWarnings(\"anneal:" + key + "\")]"
        : text + " [anneal:" + key + "]";
  }
}
