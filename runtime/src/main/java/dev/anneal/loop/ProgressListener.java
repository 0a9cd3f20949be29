package dev.anneal.loop;

/**
 * Shows how far an epoch has got, batch by batch: a console bar, a log line, a UI. The runtime
 * draws nothing itself (it depends on no progress-bar library); {@code anneal-reporting}'s
 * {@code ConsoleProgress} draws a console bar, and {@link TrainingLoop#progress} takes either.
 */
public interface ProgressListener extends AutoCloseable {

  /** Shows nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * Epoch {@code epoch} (0-based) of {@code epochs} starts, {@code done} of its {@code batches} already run.
   *
   * @param epoch the epoch, 0-based
   * @param epochs the plan's epochs
   * @param batches micro-batches per epoch
   * @param done micro-batches of this epoch already run (a resumed run)
   */
  default void startEpoch(int epoch, int epochs, long batches, long done) {}

  /**
   * One batch done; {@code message} goes next to the bar (the running loss, say).
   *
   * @param message the text next to the bar
   */
  default void step(String message) {}

  /**
   * Replaces the message next to the bar without counting a batch.
   *
   * @param message the text next to the bar
   */
  default void message(String message) {}

  /** The epoch is over (or the run stopped): the bar is finished and the line is free again. */
  @Override
  default void close() {}
}
