package dev.anneal.samples.report;

import java.io.PrintStream;

/**
 * A one-line console progress bar redrawn in place ({@code \r}), at most ten times a second. Drawn
 * only when a terminal is attached, so logs (CI, tests) keep just the per-epoch lines.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final boolean enabled;
  private final String label;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long lastDraw;

  public ProgressBar(PrintStream out, String label, long total) {
    this(out, label, total, System.console() != null);
  }

  ProgressBar(PrintStream out, String label, long total, boolean enabled) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
    this.enabled = enabled;
  }

  /** Shows {@code done} of the total, with a short status such as the running loss. */
  public void update(long done, String status) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    out.print("\r" + render(done, status, (now - startNanos) / 1e9));
    out.flush();
  }

  /** Clears the bar's line, ready for the epoch's summary line. */
  public void finish() {
    if (enabled) {
      out.print("\r" + " ".repeat(WIDTH + 80) + "\r");
      out.flush();
    }
  }

  String render(long done, String status, double seconds) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    return String.format("%s [%s%s] %3d%% %d/%d %s %.0fs", label, "=".repeat(filled), " ".repeat(WIDTH - filled),
        100 * Math.min(done, total) / total, done, total, status, seconds);
  }
}
