package dev.anneal.annotations;

/** Parameters selected by their kind, for {@link NoDecay} (the runtime's {@code ParamRule}). */
public enum ParamKind {
  /** timm's {@code param_groups_weight_decay}: at most one dimension, or a name ending in {@code .bias}. */
  BIAS_AND_NORM,
  /** At most one dimension (biases, normalization weights, scalars). */
  ONE_DIMENSIONAL,
  /** None by kind: only the parameters {@link NoDecay#names()} matches. */
  NONE
}
