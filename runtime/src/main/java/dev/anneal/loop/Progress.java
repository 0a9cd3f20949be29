package dev.anneal.loop;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** One console progress bar per epoch (me.tongfei:progressbar, ASCII so logs stay readable). */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private ProgressBar bar;

  Progress(PrintStream out) {
    this.out = out;
  }

  void startEpoch(int epoch, int epochs, long batches, long done) {
    close();
    bar = new ProgressBarBuilder()
        .setTaskName("epoch " + (epoch + 1) + "/" + epochs)
        .setInitialMax(batches)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setUpdateIntervalMillis(200)
        .build();
    bar.stepTo(done);
  }

  void step(String message) {
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(message);
    }
  }

  void message(String message) {
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
