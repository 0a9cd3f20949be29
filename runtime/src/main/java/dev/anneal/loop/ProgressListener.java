package dev.anneal.loop;

/**
 * Shows how far an epoch has got, batch by batch: a console bar, a log line, a UI. The runtime
 * draws nothing itself (it depends on no progress-bar library); {@code anneal-reporting}'s
 * {@code ConsoleProgress} draws a console bar, and {@link TrainingLoop#progress} takes either.
 */
public interface ProgressListener extends AutoCloseable {

  /** Shows nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /** Epoch {@code epoch} (0-based) of {@code epochs} starts, {@code done} of its {@code batches} already run. */
  default void startEpoch(int epoch, int epochs, long batches, long done) {}

  /** One batch done; {@code message} goes next to the bar (the running loss, say). */
  default void step(String message) {}

  /** Replaces the message next to the bar without counting a batch. */
  default void message(String message) {}

  /** The epoch is over (or the run stopped): the bar is finished and the line is free again. */
  @Override
  default void close() {}
}
