package dev.anneal.annotations;

/** How {@link LayerDecay} applies each layer's factor (the runtime's {@code LrScale}). */
public enum LayerScale {
  /** To the layer's lr, before any schedule: a schedule's absolute floor or warmup start stays absolute per layer. */
  BASE_LR,
  /**
   * To every lr the schedule gives, timm's and MAE's {@code lr_scale}: one lr per step times the
   * factor, so the floor ({@code eta_min}, {@code lr_min}) and the warmup's start scale with the layer.
   */
  SCHEDULED_LR
}
