package dev.anneal.loop;

/**
 * Trains on one micro-batch: forward, multiply the loss by {@code lossScale} (1/k when the plan
 * accumulates k micro-batches), backward so that gradients reach the parameters; returns the
 * unscaled loss, for reporting.
 */
@FunctionalInterface
public interface BatchFunction {
  /**
   * Trains on one micro-batch.
   *
   * @param epoch the epoch, 0-based
   * @param batch the micro-batch within the epoch, 0-based
   * @param lossScale what the loss is multiplied by before the backward pass
   * @return the unscaled loss
   */
  double train(int epoch, long batch, double lossScale);
}
