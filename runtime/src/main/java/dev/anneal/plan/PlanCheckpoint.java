package dev.anneal.plan;

import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads a plan's checkpoint. */
final class PlanCheckpoint {
  private PlanCheckpoint() {}

  static void save(TrainingPlan plan, Path file) throws IOException {
    throw new UnsupportedOperationException("checkpoints are not written yet");
  }

  static void load(TrainingPlan plan, Path file) throws IOException {
    throw new UnsupportedOperationException("checkpoints are not read yet");
  }
}
