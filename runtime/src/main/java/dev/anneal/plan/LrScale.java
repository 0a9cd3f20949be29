package dev.anneal.plan;

/**
 * How a layer-wise lr decay ({@link GroupConfig#layerDecay(double, LayerIndex, LrScale)}) applies each
 * layer's factor: to the part's lr before any schedule, or to every lr the schedule gives.
 */
public enum LrScale {
  /**
   * Each part's own lr is the group's times the factor, as PyTorch param groups with their own
   * {@code lr}: a schedule's absolute values ({@code eta_min}, timm's {@code lr_min} and
   * {@code warmup_lr_init}) are the same for every part.
   */
  BASE_LR,
  /**
   * timm's and MAE's {@code lr_scale}: the schedule computes one lr per step from the group's lr,
   * and each part's step uses it times the factor ({@code param_group['lr'] = value * lr_scale}), so
   * the warmup's start and the floor scale with the layer too. The part's param group keeps the
   * schedule's lr; the lr a step used is {@link StepReport#lr} and {@link TrainingPlan#lastStepLr}.
   */
  SCHEDULED_LR
}
