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
    read.check();
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

  /** Refuses a clock no run produces (a forged or damaged checkpoint), naming the value. */
  private void check() {
    require(epoch >= 0, "epoch", epoch, "a count of epochs done is at least 0");
    require(step >= 0, "step", step, "a count of optimizer steps is at least 0");
    require(stepInEpoch >= 0 && stepInEpoch <= step, "step_in_epoch", stepInEpoch, "it counts steps of this epoch, 0 to step (" + step + ")");
    require(microBatch >= 0, "micro_batch", microBatch, "a count of micro-batches is at least 0");
    require(batchInEpoch >= 0, "batch_in_epoch", batchInEpoch, "a count of batches is at least 0");
    require(skippedSteps >= 0, "skipped_steps", skippedSteps, "a count of skipped steps is at least 0");
    require(inEpoch || microBatch == 0, "micro_batch", microBatch, "between epochs no micro-batch is pending");
  }

  private static void require(boolean holds, String key, long value, String rule) {
    if (!holds) {
      throw new IllegalArgumentException("clock " + key + " is " + value + ", which no run produces: " + rule);
    }
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
