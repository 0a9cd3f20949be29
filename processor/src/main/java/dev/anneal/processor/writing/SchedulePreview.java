package dev.anneal.processor.writing;

import dev.anneal.processor.model.TrainingModel;

/** Placeholder until the evaluator lands. */
final class SchedulePreview {
  private SchedulePreview() {}

  static String table(TrainingModel model) {
    return "";
  }
}
