package dev.anneal.plan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Code run around {@link TrainingPlan#save} or {@link TrainingPlan#load}, registered with
 * {@link PlanHooks}: to save or restore state the plan does not hold (an averaged model, a data
 * loader's position), to log, or to refuse (an exception stops the save or load).
 */
@FunctionalInterface
public interface CheckpointHook {

  void run(TrainingPlan plan, Path file) throws IOException;
}
