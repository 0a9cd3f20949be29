package dev.anneal.plan;

/**
 * State outside a plan's checkpoint that a {@link TrialRun} must put back too, such as a DJL
 * model's BatchNorm running statistics ({@code dev.anneal.djl.BlockSnapshot}).
 */
@FunctionalInterface
public interface StateCapture {

  /** Copies the state now; the returned action writes the copy back, exactly. */
  Runnable capture();
}
