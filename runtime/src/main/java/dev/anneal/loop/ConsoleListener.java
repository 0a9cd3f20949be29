package dev.anneal.loop;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints what a {@link TrainingLoop} has to say to a stream: one line per epoch
 * ({@code epoch 2/5  train_loss 0.41  val_loss 0.38  lr stem=1.00e-04 head=1.00e-03  frozen: stem})
 * and, when a loss is NaN or infinite, the stop message. The loop logs the same lines through
 * SLF4J ({@code dev.anneal.loop.TrainingLoop}, INFO and WARN); this listener is for programs that
 * want them on the console whatever the logging configuration, as the loop printed them to
 * {@code System.err} by default before it logged:
 *
 * <pre>{@code
 * TrainingLoop.of(plan).listener(ConsoleListener.stderr())...
 * }</pre>
 *
 * {@link TrainingLoop#console(PrintStream)} is a shorthand that hears the loop before any other
 * listener.
 */
public final class ConsoleListener implements TrainingListener {
  private final PrintStream out;

  private ConsoleListener(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * A listener that prints to {@code out}.
   *
   * @param out where the lines go
   * @return the listener
   */
  public static ConsoleListener to(PrintStream out) {
    return new ConsoleListener(out);
  }

  /**
   * A listener that prints to {@code System.err}.
   *
   * @return the listener
   */
  public static ConsoleListener stderr() {
    return new ConsoleListener(System.err);
  }

  @Override
  public void onEpochSummary(String line) {
    out.println(line);
  }

  @Override
  public void onTrainingEnd(TrainingResult result) {
    if (result.status() == TrainingResult.Status.STOPPED_NON_FINITE_LOSS) {
      out.println(result.message());
    }
  }
}
