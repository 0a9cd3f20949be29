package dev.anneal.annotations;

/**
 * The runtime's learning-rate schedules reachable from {@link Schedule}, each named by its
 * PyTorch (or Hugging Face / timm / katsura-jp) name. Plateau reduction is {@link ReduceLrOnPlateau}, warmup
 * is {@link Warmup}, composition is {@link SequentialSchedule} and {@link ChainedSchedule}.
 */
public enum ScheduleType {
  /** {@code torch.optim.lr_scheduler.StepLR}. */
  STEP("StepLR"),
  /** {@code torch.optim.lr_scheduler.MultiStepLR}. */
  MULTI_STEP("MultiStepLR"),
  /** {@code torch.optim.lr_scheduler.ConstantLR}. */
  CONSTANT("ConstantLR"),
  /** {@code torch.optim.lr_scheduler.LinearLR}. */
  LINEAR("LinearLR"),
  /** {@code torch.optim.lr_scheduler.ExponentialLR}. */
  EXPONENTIAL("ExponentialLR"),
  /** {@code torch.optim.lr_scheduler.PolynomialLR}. */
  POLYNOMIAL("PolynomialLR"),
  /** {@code torch.optim.lr_scheduler.CosineAnnealingLR}. */
  COSINE("CosineAnnealingLR"),
  /** {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}. */
  COSINE_WARM_RESTARTS("CosineAnnealingWarmRestarts"),
  /** {@code torch.optim.lr_scheduler.CyclicLR}. */
  CYCLIC("CyclicLR"),
  /** {@code torch.optim.lr_scheduler.OneCycleLR}. */
  ONE_CYCLE("OneCycleLR"),
  /** Hugging Face transformers' {@code get_linear_schedule_with_warmup}. */
  LINEAR_WITH_WARMUP("LinearWithWarmupLR"),
  /** Hugging Face transformers' {@code get_cosine_schedule_with_warmup}. */
  COSINE_WITH_WARMUP("CosineWithWarmupLR"),
  /** Hugging Face transformers' {@code get_cosine_with_hard_restarts_schedule_with_warmup}. */
  COSINE_WITH_HARD_RESTARTS_WITH_WARMUP("CosineWithHardRestartsWithWarmupLR"),
  /** Hugging Face transformers' {@code get_polynomial_decay_schedule_with_warmup}. */
  POLYNOMIAL_WITH_WARMUP("PolynomialWithWarmupLR"),
  /** Hugging Face transformers' {@code get_constant_schedule_with_warmup}. */
  CONSTANT_WITH_WARMUP("ConstantWithWarmupLR"),
  /** Hugging Face transformers' {@code get_inverse_sqrt_schedule}. */
  INVERSE_SQRT("InverseSqrtLR"),
  /** Hugging Face transformers' {@code get_wsd_schedule}. */
  WARMUP_STABLE_DECAY("WarmupStableDecayLR"),
  /** Timm's {@code CosineLRScheduler}. */
  TIMM_COSINE("timm.CosineLRScheduler"),
  /** katsura-jp's {@code CosineAnnealingWarmupRestarts}: warmup, cosine, restarts with decaying peaks. */
  COSINE_ANNEALING_WARMUP_RESTARTS("CosineAnnealingWarmupRestarts"),
  /** A schedule registered with its descriptor, named by {@link Schedule#custom()}. */
  CUSTOM(""),
  /**
   * fastai's {@code fit_one_cycle}: each group's lr is its {@code lr_max}; momentum (Adam's beta1)
   * follows {@code moms}. Steps per optimizer step.
   */
  FASTAI_ONE_CYCLE("fastai.fit_one_cycle"),
  /**
   * fastai's {@code fine_tune}: a 1cycle over the frozen epochs, then one over the unfrozen epochs with
   * discriminative lrs across the layer groups (the declared groups, in order); each group's lr is
   * fastai's {@code base_lr}. Give {@code epochs} as a kwarg; freeze the lower groups with
   * {@code @Freeze(untilEpoch = freeze_epochs)}. Steps per optimizer step.
   */
  FASTAI_FINE_TUNE("fastai.fine_tune"),
  /** ULMFiT's slanted triangular lr, restarting every {@code cycles}-th of the training. Steps per optimizer step. */
  SLANTED_TRIANGULAR("SlantedTriangularLR"),
  /** fairseq's {@code inverse_sqrt}: linear warmup from {@code warmupInitLr}, then 1/sqrt decay. */
  FAIRSEQ_INVERSE_SQRT("fairseq.InverseSquareRootSchedule");

  private final String pytorchName;

  ScheduleType(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** {@return the type name the runtime's {@code Schedulers.create} knows} */
  public String pytorchName() {
    return pytorchName;
  }
}
