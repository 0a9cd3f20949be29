package dev.anneal.loop;

/**
 * Trains on one micro-batch: forward, multiply the loss by {@code lossScale} (1/k when the plan
 * accumulates k micro-batches), backward so that gradients reach the parameters; returns the
 * unscaled loss, for reporting.
 */
@FunctionalInterface
public interface BatchFunction {
  double train(int epoch, long batch, double lossScale);
}
