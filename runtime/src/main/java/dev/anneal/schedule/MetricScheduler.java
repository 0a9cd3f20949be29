package dev.anneal.schedule;

/** A scheduler driven by a monitored value, as {@code ReduceLROnPlateau.step(metrics)}. */
public interface MetricScheduler extends LrScheduler {

  /** Advances one unit, given the monitored metric (validation loss, accuracy, ...). */
  void step(double metric);

  /** Without a metric there is nothing to decide on. */
  @Override
  default void step() {
    throw new IllegalStateException(getClass().getSimpleName() + " needs the monitored metric: call step(metric)");
  }
}
