package dev.anneal.annotations;

/**
 * The runtime's learning-rate schedules reachable from {@link Schedule}, each named by its
 * PyTorch (or Hugging Face / timm / katsura-jp) name. Plateau reduction is {@link ReduceLrOnPlateau}, warmup
 * is {@link Warmup}, composition is {@link SequentialSchedule} and {@link ChainedSchedule}.
 */
public enum ScheduleType {
  STEP("StepLR"),
  MULTI_STEP("MultiStepLR"),
  CONSTANT("ConstantLR"),
  LINEAR("LinearLR"),
  EXPONENTIAL("ExponentialLR"),
  POLYNOMIAL("PolynomialLR"),
  COSINE("CosineAnnealingLR"),
  COSINE_WARM_RESTARTS("CosineAnnealingWarmRestarts"),
  CYCLIC("CyclicLR"),
  ONE_CYCLE("OneCycleLR"),
  LINEAR_WITH_WARMUP("LinearWithWarmupLR"),
  COSINE_WITH_WARMUP("CosineWithWarmupLR"),
  COSINE_WITH_HARD_RESTARTS_WITH_WARMUP("CosineWithHardRestartsWithWarmupLR"),
  POLYNOMIAL_WITH_WARMUP("PolynomialWithWarmupLR"),
  CONSTANT_WITH_WARMUP("ConstantWithWarmupLR"),
  INVERSE_SQRT("InverseSqrtLR"),
  WARMUP_STABLE_DECAY("WarmupStableDecayLR"),
  TIMM_COSINE("timm.CosineLRScheduler"),
  /** katsura-jp's {@code CosineAnnealingWarmupRestarts}: warmup, cosine, restarts with decaying peaks. */
  COSINE_ANNEALING_WARMUP_RESTARTS("CosineAnnealingWarmupRestarts"),
  /** A schedule registered with its descriptor, named by {@link Schedule#custom()}. */
  CUSTOM("");

  private final String pytorchName;

  ScheduleType(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** The type name the runtime's {@code Schedulers.create} knows. */
  public String pytorchName() {
    return pytorchName;
  }
}
