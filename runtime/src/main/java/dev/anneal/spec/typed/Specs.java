package dev.anneal.spec.typed;

import javax.annotation.processing.Generated;

/**
 * Every built-in optimizer and scheduler of the typed DSL in one place: {@code Specs.adamW()} is
 * {@code AdamW.spec()}, {@code Specs.cosineAnnealingLR()} is {@code CosineAnnealingLR.spec()}.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Specs {
  private Specs() {
  }

  /**
   * {@code torch.optim.SGD}: stochastic gradient descent with momentum, dampening and Nesterov.
   *
   * @return {@code Sgd.spec()}
   */
  public static Sgd sgd() {
    return Sgd.spec();
  }

  /**
   * {@code torch.optim.Adam}: Adam, optionally AMSGrad and decoupled weight decay.
   *
   * @return {@code Adam.spec()}
   */
  public static Adam adam() {
    return Adam.spec();
  }

  /**
   * {@code torch.optim.AdamW}: Adam with decoupled weight decay.
   *
   * @return {@code AdamW.spec()}
   */
  public static AdamW adamW() {
    return AdamW.spec();
  }

  /**
   * {@code torch.optim.Adagrad}: Adagrad.
   *
   * @return {@code Adagrad.spec()}
   */
  public static Adagrad adagrad() {
    return Adagrad.spec();
  }

  /**
   * {@code torch.optim.RMSprop}: RMSprop, optionally centered and with momentum.
   *
   * @return {@code RmsProp.spec()}
   */
  public static RmsProp rmsProp() {
    return RmsProp.spec();
  }

  /**
   * {@code torch.optim.Adadelta}: Adadelta.
   *
   * @return {@code Adadelta.spec()}
   */
  public static Adadelta adadelta() {
    return Adadelta.spec();
  }

  /**
   * {@code torch.optim.Adamax}: Adamax (Adam with the infinity norm).
   *
   * @return {@code Adamax.spec()}
   */
  public static Adamax adamax() {
    return Adamax.spec();
  }

  /**
   * {@code torch.optim.NAdam}: Adam with Nesterov momentum.
   *
   * @return {@code NAdam.spec()}
   */
  public static NAdam nAdam() {
    return NAdam.spec();
  }

  /**
   * {@code torch.optim.RAdam}: rectified Adam.
   *
   * @return {@code RAdam.spec()}
   */
  public static RAdam rAdam() {
    return RAdam.spec();
  }

  /**
   * {@code torch.optim.Rprop}: resilient backpropagation.
   *
   * @return {@code Rprop.spec()}
   */
  public static Rprop rprop() {
    return Rprop.spec();
  }

  /**
   * {@code torch.optim.ASGD}: averaged stochastic gradient descent.
   *
   * @return {@code Asgd.spec()}
   */
  public static Asgd asgd() {
    return Asgd.spec();
  }

  /**
   * {@code torch.optim.LBFGS}: L-BFGS with optional strong-Wolfe line search (one group, needs a closure).
   *
   * @return {@code Lbfgs.spec()}
   */
  public static Lbfgs lbfgs() {
    return Lbfgs.spec();
  }

  /**
   * {@code torch.optim.Adafactor}: Adafactor (factored second moments; PyTorch 2.5+).
   *
   * @return {@code Adafactor.spec()}
   */
  public static Adafactor adafactor() {
    return Adafactor.spec();
  }

  /**
   * {@code torch.optim.Muon}: Muon: momentum orthogonalized by Newton-Schulz, for 2-D parameters (PyTorch 2.9).
   *
   * @return {@code Muon.spec()}
   */
  public static Muon muon() {
    return Muon.spec();
  }

  /**
   * {@code timm.optim.Lamb}: layer-wise adaptive moments (LAMB).
   *
   * @return {@code Lamb.spec()}
   */
  public static Lamb lamb() {
    return Lamb.spec();
  }

  /**
   * {@code timm.optim.Lars}: layer-wise adaptive rate scaling (LARS).
   *
   * @return {@code Lars.spec()}
   */
  public static Lars lars() {
    return Lars.spec();
  }

  /**
   * {@code the seed's layer-adaptive Adam}: Adam whose step is scaled per parameter by the ratio of weight and update norms.
   *
   * @return {@code LayerAdaptiveAdam.spec()}
   */
  public static LayerAdaptiveAdam layerAdaptiveAdam() {
    return LayerAdaptiveAdam.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.StepLR}: lr times gamma every step_size positions.
   *
   * @return {@code StepLR.spec()}
   */
  public static StepLR stepLR() {
    return StepLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.MultiStepLR}: lr times gamma at each milestone.
   *
   * @return {@code MultiStepLR.spec()}
   */
  public static MultiStepLR multiStepLR() {
    return MultiStepLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.ConstantLR}: lr times factor until total_iters.
   *
   * @return {@code ConstantLR.spec()}
   */
  public static ConstantLR constantLR() {
    return ConstantLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.LinearLR}: factor moving linearly from start_factor to end_factor over total_iters.
   *
   * @return {@code LinearLR.spec()}
   */
  public static LinearLR linearLR() {
    return LinearLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.ExponentialLR}: lr times gamma every position.
   *
   * @return {@code ExponentialLR.spec()}
   */
  public static ExponentialLR exponentialLR() {
    return ExponentialLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.PolynomialLR}: polynomial decay to 0 over total_iters.
   *
   * @return {@code PolynomialLR.spec()}
   */
  public static PolynomialLR polynomialLR() {
    return PolynomialLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: half a cosine from the base lr to eta_min over T_max.
   *
   * @return {@code CosineAnnealingLR.spec()}
   */
  public static CosineAnnealingLR cosineAnnealingLR() {
    return CosineAnnealingLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}: cosine annealing restarting after T_0, T_0*T_mult, ....
   *
   * @return {@code CosineAnnealingWarmRestarts.spec()}
   */
  public static CosineAnnealingWarmRestarts cosineAnnealingWarmRestarts() {
    return CosineAnnealingWarmRestarts.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.CyclicLR}: lr cycling between base_lr and max_lr (momentum inversely).
   *
   * @return {@code CyclicLR.spec()}
   */
  public static CyclicLR cyclicLR() {
    return CyclicLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.OneCycleLR}: the 1cycle policy: warm up to max_lr, anneal far below.
   *
   * @return {@code OneCycleLR.spec()}
   */
  public static OneCycleLR oneCycleLR() {
    return OneCycleLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: lr times factor when the monitored metric stops improving.
   *
   * @return {@code ReduceLROnPlateau.spec()}
   */
  public static ReduceLROnPlateau reduceLROnPlateau() {
    return ReduceLROnPlateau.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.SequentialLR}: children one after another, switching at the milestones.
   *
   * @return {@code SequentialLR.spec()}
   */
  public static SequentialLR sequentialLR() {
    return SequentialLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.ChainedScheduler}: children stepped together, their factors multiplied.
   *
   * @return {@code ChainedScheduler.spec()}
   */
  public static ChainedScheduler chainedScheduler() {
    return ChainedScheduler.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.LambdaLR}: base lr times lr_lambda(position).
   *
   * @return {@code LambdaLR.spec()}
   */
  public static LambdaLR lambdaLR() {
    return LambdaLR.spec();
  }

  /**
   * {@code torch.optim.lr_scheduler.MultiplicativeLR}: lr times lr_lambda(position) every position.
   *
   * @return {@code MultiplicativeLR.spec()}
   */
  public static MultiplicativeLR multiplicativeLR() {
    return MultiplicativeLR.spec();
  }

  /**
   * {@code anneal (detectron2's warmup shapes)}: a linear warmup over warmup_steps, then its child schedule (if any).
   *
   * @return {@code LinearWarmup.spec()}
   */
  public static LinearWarmup linearWarmup() {
    return LinearWarmup.spec();
  }

  /**
   * {@code anneal (detectron2's warmup shapes)}: a constant warmup over warmup_steps, then its child schedule (if any).
   *
   * @return {@code ConstantWarmup.spec()}
   */
  public static ConstantWarmup constantWarmup() {
    return ConstantWarmup.spec();
  }

  /**
   * {@code anneal (detectron2's warmup shapes)}: a cosine warmup over warmup_steps, then its child schedule (if any).
   *
   * @return {@code CosineWarmup.spec()}
   */
  public static CosineWarmup cosineWarmup() {
    return CosineWarmup.spec();
  }

  /**
   * {@code anneal (detectron2's warmup shapes)}: a exponential warmup over warmup_steps, then its child schedule (if any).
   *
   * @return {@code ExponentialWarmup.spec()}
   */
  public static ExponentialWarmup exponentialWarmup() {
    return ExponentialWarmup.spec();
  }

  /**
   * {@code transformers.get_constant_schedule_with_warmup}: linear warmup, then constant.
   *
   * @return {@code ConstantWithWarmupLR.spec()}
   */
  public static ConstantWithWarmupLR constantWithWarmupLR() {
    return ConstantWithWarmupLR.spec();
  }

  /**
   * {@code transformers.get_linear_schedule_with_warmup}: linear warmup, then linear decay to 0.
   *
   * @return {@code LinearWithWarmupLR.spec()}
   */
  public static LinearWithWarmupLR linearWithWarmupLR() {
    return LinearWithWarmupLR.spec();
  }

  /**
   * {@code transformers.get_cosine_schedule_with_warmup}: linear warmup, then cosine decay.
   *
   * @return {@code CosineWithWarmupLR.spec()}
   */
  public static CosineWithWarmupLR cosineWithWarmupLR() {
    return CosineWithWarmupLR.spec();
  }

  /**
   * {@code transformers.get_cosine_with_hard_restarts_schedule_with_warmup}: linear warmup, then cosine decays with hard restarts.
   *
   * @return {@code CosineWithHardRestartsWithWarmupLR.spec()}
   */
  public static CosineWithHardRestartsWithWarmupLR cosineWithHardRestartsWithWarmupLR() {
    return CosineWithHardRestartsWithWarmupLR.spec();
  }

  /**
   * {@code transformers.get_polynomial_decay_schedule_with_warmup}: linear warmup, then polynomial decay to lr_end.
   *
   * @return {@code PolynomialWithWarmupLR.spec()}
   */
  public static PolynomialWithWarmupLR polynomialWithWarmupLR() {
    return PolynomialWithWarmupLR.spec();
  }

  /**
   * {@code transformers.get_inverse_sqrt_schedule}: linear warmup, then 1/sqrt decay.
   *
   * @return {@code InverseSqrtLR.spec()}
   */
  public static InverseSqrtLR inverseSqrtLR() {
    return InverseSqrtLR.spec();
  }

  /**
   * {@code transformers.get_wsd_schedule}: warmup, stable, then decay (WSD).
   *
   * @return {@code WarmupStableDecayLR.spec()}
   */
  public static WarmupStableDecayLR warmupStableDecayLR() {
    return WarmupStableDecayLR.spec();
  }

  /**
   * {@code torch.optim.swa_utils.SWALR}: anneals each group's lr to swa_lr over anneal_epochs (cos or linear), then holds it.
   *
   * @return {@code SWALR.spec()}
   */
  public static SWALR sWALR() {
    return SWALR.spec();
  }

  /**
   * {@code timm.scheduler.CosineLRScheduler}: timm's cosine with warmup, cycles, decay per cycle and noise.
   *
   * @return {@code TimmCosineLR.spec()}
   */
  public static TimmCosineLR timmCosineLR() {
    return TimmCosineLR.spec();
  }

  /**
   * {@code cosine_annealing_warmup.CosineAnnealingWarmupRestarts (katsura-jp)}: cycles of a linear warmup from min_lr to a peak, then a cosine back; each peak gamma times the last.
   *
   * @return {@code CosineAnnealingWarmupRestarts.spec()}
   */
  public static CosineAnnealingWarmupRestarts cosineAnnealingWarmupRestarts() {
    return CosineAnnealingWarmupRestarts.spec();
  }

  /**
   * {@code fairseq.optim.lr_scheduler.InverseSquareRootSchedule}: linear warmup from warmup_init_lr to the lr, then lr * sqrt(warmup_updates / num_updates).
   *
   * @return {@code FairseqInverseSqrtLR.spec()}
   */
  public static FairseqInverseSqrtLR fairseqInverseSqrtLR() {
    return FairseqInverseSqrtLR.spec();
  }

  /**
   * {@code fastai.callback.schedule.fit_one_cycle}: fastai's 1cycle: cosine from lr_max/div up to each group's lr (its lr_max), then down to lr_max/div_final; momentum the other way.
   *
   * @return {@code FastaiOneCycleLR.spec()}
   */
  public static FastaiOneCycleLR fastaiOneCycleLR() {
    return FastaiOneCycleLR.spec();
  }

  /**
   * {@code fastai.callback.schedule.fine_tune}: fastai's fine_tune: a 1cycle over the frozen epochs at slice(base_lr), then a 1cycle at slice(base_lr/2/lr_mult, base_lr/2) over the layer groups; each group's lr is its base_lr; the optimizer state is cleared when the second fit begins.
   *
   * @return {@code FastaiFineTuneLR.spec()}
   */
  public static FastaiFineTuneLR fastaiFineTuneLR() {
    return FastaiFineTuneLR.spec();
  }

  /**
   * {@code ULMFiT (Howard & Ruder 2018, eq. 3); fastai v0.7 CircularLR}: ULMFiT's slanted triangle: lr/ratio rising linearly to lr over cut_frac of a cycle, then falling back; restarts every cycle.
   *
   * @return {@code SlantedTriangularLR.spec()}
   */
  public static SlantedTriangularLR slantedTriangularLR() {
    return SlantedTriangularLR.spec();
  }
}
