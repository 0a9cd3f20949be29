package dev.anneal.annotations;

/**
 * What each micro-batch's loss is divided by under {@link Accumulate} (the runtime's
 * {@code LossScale}); it matters only in an epoch's last window when the epoch's micro-batches do not
 * divide by {@code k}.
 */
public enum LossScale {
  /** {@code 1 / k} always, the partial window's micro-batches too: PyTorch's usual loop, nanoGPT. The default. */
  ACCUMULATE,
  /** {@code 1 / (micro-batches in the window)}: each step takes a mean, as the Hugging Face Trainer divides. */
  WINDOW
}
