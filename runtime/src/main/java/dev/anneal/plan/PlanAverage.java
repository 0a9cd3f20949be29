package dev.anneal.plan;

import java.util.Map;

/**
 * Weights averaged alongside training that a plan keeps for its whole life: its EMA
 * ({@code .ema(ModelEma...)}) or its SWA ({@code .swa(ModelSwa...)}), both in {@code dev.anneal.swa}.
 * The plan records {@link #describe()} in its declaration under {@link #kind()} (a checkpoint under
 * another average is refused), attaches the average once it is built, and hands it out as
 * {@link TrainingPlan#averagedModel()}.
 */
public interface PlanAverage {

  /** {@return the declaration's key: {@code "ema"} or {@code "swa"}} */
  String kind();

  /** {@return the settings as the plan's declaration records them} */
  Map<String, Object> describe();

  /**
   * Starts averaging {@code plan}'s parameters and buffers: registers the updates on the plan's
   * hooks and joins its checkpoints.
   *
   * @return the average
   */
  WeightAverage attach(TrainingPlan plan);
}
