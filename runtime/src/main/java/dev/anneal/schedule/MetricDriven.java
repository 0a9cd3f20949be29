package dev.anneal.schedule;

import java.util.List;
import java.util.Map;

/**
 * A schedule with {@code ReduceLROnPlateau} in it, seen as a {@link MetricScheduler}: each step
 * takes the monitored metric. A plain {@link #step()} is allowed while no plateau is active (during
 * a warmup, say) and refused once the plateau needs the metric.
 */
public final class MetricDriven implements MetricScheduler {
  private final AbstractLrScheduler schedule;

  public MetricDriven(AbstractLrScheduler schedule) {
    this.schedule = schedule;
  }

  /** {@return the underlying schedule (per-group values, PyTorch's {@code step(epoch)}, ...)} */
  public AbstractLrScheduler schedule() {
    return schedule;
  }

  @Override
  public void step(double metric) {
    schedule.step(metric);
  }

  @Override
  public void step() {
    schedule.step();
  }

  @Override
  public List<Double> lastLr() {
    return schedule.lastLr();
  }

  @Override
  public Map<String, Object> stateDict() {
    return schedule.stateDict();
  }

  @Override
  public void loadStateDict(Map<String, Object> state) {
    schedule.loadStateDict(state);
  }

  @Override
  public String toString() {
    return schedule.toString();
  }
}
