package dev.anneal.processor.validation;

import java.util.List;

/** Qualified names of the annotations and runtime types the processor reads, as strings (no class literals). */
public final class Names {
  private Names() {}

  public static final String PACKAGE = "dev.anneal.annotations.";
  public static final String TRAINING = PACKAGE + "Training";
  public static final String OPTIMIZER = PACKAGE + "Optimizer";
  public static final String SCHEDULE = PACKAGE + "Schedule";
  public static final String SEQUENTIAL = PACKAGE + "SequentialSchedule";
  public static final String CHAINED = PACKAGE + "ChainedSchedule";
  public static final String WARMUP = PACKAGE + "Warmup";
  public static final String PLATEAU = PACKAGE + "ReduceLrOnPlateau";
  public static final String LAMBDA = PACKAGE + "LambdaSchedule";
  public static final String CLIP_NORM = PACKAGE + "ClipGradNorm";
  public static final String CLIP_VALUE = PACKAGE + "ClipGradValue";
  public static final String ACCUMULATE = PACKAGE + "Accumulate";
  public static final String LAYERWISE_DECAY = PACKAGE + "LayerwiseDecay";
  public static final String LEARNING_RATE = PACKAGE + "LearningRate";
  public static final String WEIGHT_DECAY = PACKAGE + "WeightDecay";
  public static final String MOMENTUM = PACKAGE + "Momentum";
  public static final String BETAS = PACKAGE + "Betas";
  public static final String HYPERPARAMETER = PACKAGE + "Hyperparameter";
  public static final String HYPERPARAMETERS = PACKAGE + "Hyperparameters";
  public static final String GROUP = PACKAGE + "Group";
  public static final String FREEZE = PACKAGE + "Freeze";
  public static final String EXCLUDE = PACKAGE + "Exclude";
  public static final String LOSS = PACKAGE + "Loss";
  public static final String NO_DECAY = PACKAGE + "NoDecay";
  public static final String LAYER_DECAY = PACKAGE + "LayerDecay";
  public static final String KIND_GROUP = PACKAGE + "KindGroup";
  public static final String KIND_GROUPS = PACKAGE + "KindGroups";
  public static final String EMA = PACKAGE + "Ema";
  public static final String SWA = PACKAGE + "Swa";

  /** Annotations that configure a field (and so make it a group of its own). */
  public static final List<String> FIELD_ANNOTATIONS = List.of(
      LEARNING_RATE, WEIGHT_DECAY, MOMENTUM, BETAS, HYPERPARAMETER, HYPERPARAMETERS, GROUP, FREEZE, SCHEDULE,
      SEQUENTIAL, CHAINED, WARMUP, LAMBDA, NO_DECAY, LAYER_DECAY);

  /** Annotations that configure the whole model and so need {@code @Training} next to them. */
  public static final List<String> CLASS_ANNOTATIONS = List.of(
      OPTIMIZER, SCHEDULE, SEQUENTIAL, CHAINED, WARMUP, PLATEAU, LAMBDA, CLIP_NORM, CLIP_VALUE, ACCUMULATE, LAYERWISE_DECAY, LOSS, NO_DECAY,
      KIND_GROUP, KIND_GROUPS, EMA, SWA);

  public static final String PARAMETER_SOURCE = "dev.anneal.param.ParameterSource";
  public static final String PARAMETER = "dev.anneal.param.Parameter";
  public static final String DJL_BLOCK = "ai.djl.nn.Block";
  /** The losses' package (anneal-djl); the generated {@code loss()} builds one of its classes. */
  public static final String LOSS_PACKAGE = "dev.anneal.djl.loss";

  /** For messages. */
  public static final String ACCEPTED_TYPES =
      "dev.anneal.param.ParameterSource (Layer and other subtypes), dev.anneal.param.Parameter, "
          + "a Collection or an array of Parameter or of ParameterSource, ai.djl.nn.Block";

  public static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
