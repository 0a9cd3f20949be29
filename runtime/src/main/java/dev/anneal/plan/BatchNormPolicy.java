package dev.anneal.plan;

/**
 * What a frozen group does with its buffers (BatchNorm's running mean and variance) while it is
 * frozen: fastai's and Lightning's {@code train_bn}. Its weights are frozen either way.
 */
public enum BatchNormPolicy {
  /**
   * The running statistics keep following the data, as PyTorch does for a module whose parameters
   * have {@code requires_grad=False} while the model is in training mode; fastai's and Lightning's
   * default ({@code train_bn=True}). The default.
   */
  TRAIN,
  /**
   * The running statistics stay as they were when the group froze (or as a checkpoint restored
   * them) until it thaws: Lightning's {@code BaseFinetuning.freeze(modules, train_bn=False)}, which
   * sets {@code track_running_stats = False}. In training the layers still normalize with each
   * batch's statistics; evaluation reads the held running statistics.
   */
  HOLD
}
