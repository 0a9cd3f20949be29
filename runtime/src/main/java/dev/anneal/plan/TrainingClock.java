package dev.anneal.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where training stands: the epoch (0-based, the number of epochs already ended), the optimizer
 * step (how many optimizer steps were taken in total; skipped steps do not count), the step and
 * micro-batch within the epoch, and the micro-batches accumulated toward the next step.
 *
 * <p>Only the plan moves the clock; everyone else reads it.
 */
public final class TrainingClock {
  private int epoch;
  private long step;
  private long stepInEpoch;
  private int microBatch;
  private long batchInEpoch;
  private long skippedSteps;
  private boolean inEpoch;

  TrainingClock() {}

  /** The current epoch, 0-based: the number of epochs ended so far. */
  public int epoch() {
    return epoch;
  }

  /** Optimizer steps taken so far (what step-interval schedules count). */
  public long step() {
    return step;
  }

  /** Optimizer steps taken in the current epoch. */
  public long stepInEpoch() {
    return stepInEpoch;
  }

  /** Micro-batches accumulated since the last optimizer step (0 right after a step). */
  public int microBatch() {
    return microBatch;
  }

  /** Micro-batches (backward passes) seen in the current epoch. */
  public long batchInEpoch() {
    return batchInEpoch;
  }

  /** Steps skipped because a gradient was not finite. */
  public long skippedSteps() {
    return skippedSteps;
  }

  /** Whether {@code startEpoch} was called and {@code endEpoch} not yet. */
  public boolean inEpoch() {
    return inEpoch;
  }

  void startEpoch() {
    inEpoch = true;
  }

  void microBatchDone() {
    microBatch++;
    batchInEpoch++;
  }

  void stepTaken() {
    step++;
    stepInEpoch++;
    microBatch = 0;
  }

  void stepSkipped() {
    skippedSteps++;
    microBatch = 0;
  }

  void endEpoch() {
    epoch++;
    stepInEpoch = 0;
    batchInEpoch = 0;
    microBatch = 0;
    inEpoch = false;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epoch", epoch);
    map.put("step", step);
    map.put("step_in_epoch", stepInEpoch);
    map.put("micro_batch", microBatch);
    map.put("batch_in_epoch", batchInEpoch);
    map.put("skipped_steps", skippedSteps);
    map.put("in_epoch", inEpoch);
    return map;
  }

  void restore(Map<String, ?> map) {
    TrainingClock read = new TrainingClock();
    read.epoch = Math.toIntExact(number(map, "epoch"));
    read.step = number(map, "step");
    read.stepInEpoch = number(map, "step_in_epoch");
    read.microBatch = Math.toIntExact(number(map, "micro_batch"));
    read.batchInEpoch = number(map, "batch_in_epoch");
    read.skippedSteps = number(map, "skipped_steps");
    if (!(map.get("in_epoch") instanceof Boolean flag)) {
      throw new IllegalArgumentException("clock lacks in_epoch: " + map);
    }
    read.inEpoch = flag;
    copyFrom(read);
  }

  void copyFrom(TrainingClock other) {
    epoch = other.epoch;
    step = other.step;
    stepInEpoch = other.stepInEpoch;
    microBatch = other.microBatch;
    batchInEpoch = other.batchInEpoch;
    skippedSteps = other.skippedSteps;
    inEpoch = other.inEpoch;
  }

  private static long number(Map<String, ?> map, String key) {
    if (map.get(key) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new IllegalArgumentException("clock lacks a whole number " + key + ": " + map);
  }

  @Override
  public String toString() {
    return "epoch " + epoch + ", step " + step + " (" + stepInEpoch + " in epoch), micro-batch " + microBatch;
  }
}
