package dev.anneal.annotations;

/** Parameters selected by their kind, for {@link NoDecay} and {@link KindGroup} (the runtime's {@code ParamRule}). */
public enum ParamKind {
  /** timm's {@code param_groups_weight_decay}: at most one dimension, or a name ending in {@code .bias}. */
  BIAS_AND_NORM,
  /** At most one dimension (biases, normalization weights, scalars). */
  ONE_DIMENSIONAL,
  /** None by kind: only the parameters {@link NoDecay#names()} matches. */
  NONE,
  /**
   * Parameters of normalization modules (BatchNorm, GroupNorm, LayerNorm, InstanceNorm,
   * LocalResponseNorm), by the module's type ({@code Layer(name, "BatchNorm2d")}), not by shape:
   * detectron2's {@code WEIGHT_DECAY_NORM}, torchvision's {@code norm_weight_decay}.
   */
  NORM,
  /** Every parameter named {@code bias} in its module: detectron2's {@code BIAS_LR_FACTOR}, {@code WEIGHT_DECAY_BIAS}. */
  BIAS
}
