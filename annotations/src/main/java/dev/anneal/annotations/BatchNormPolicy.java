package dev.anneal.annotations;

/**
 * What a frozen group's BatchNorm running statistics do while it is frozen (the runtime's policy of
 * the same name; fastai's and Lightning's {@code train_bn}).
 */
public enum BatchNormPolicy {
  /** Keep following the data, as PyTorch does in training mode; fastai's and Lightning's default. */
  TRAIN,
  /** Stay as they were when the group froze until it thaws: Lightning's {@code train_bn=False}. */
  HOLD
}
