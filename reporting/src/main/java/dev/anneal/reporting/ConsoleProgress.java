package dev.anneal.reporting;

import dev.anneal.loop.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One console progress bar per epoch (me.tongfei:progressbar, ASCII so logs stay readable), for
 * {@link dev.anneal.loop.TrainingLoop#progress} and for programs that run their own loop.
 */
public final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private ProgressBar bar;

  /**
   * Draws on {@code out}.
   *
   * @param out the stream, or {@code null} to draw nothing
   */
  public ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  /**
   * Draws on standard error when a terminal is attached, so logs (CI, tests) keep only their lines.
   *
   * @return the progress listener
   */
  public static ConsoleProgress onTerminal() {
    return new ConsoleProgress(System.console() == null ? null : System.err);
  }

  /** Starts the bar of {@code epoch} (0-based) of {@code epochs}, {@code done} of its batches already run. */
  @Override
  public void startEpoch(int epoch, int epochs, long batches, long done) {
    close();
    if (out == null) {
      return;
    }
    bar = new ProgressBarBuilder()
        .setTaskName("epoch " + (epoch + 1) + "/" + epochs)
        .setInitialMax(batches)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setUpdateIntervalMillis(200)
        .build();
    bar.stepTo(done);
  }

  /** One batch done; {@code message} shows next to the bar (the running loss, say). */
  @Override
  public void step(String message) {
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(message);
    }
  }

  @Override
  public void message(String message) {
    if (bar != null) {
      bar.setExtraMessage(message);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
