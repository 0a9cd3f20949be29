package dev.anneal.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases one at a time, each under a time limit, and sorts what happened:
 * <ul>
 *   <li>refused: the library threw one of its own errors, one that names the fault (an
 *       IOException, IllegalArgumentException or IllegalStateException thrown by {@code dev.anneal}
 *       code, with a message; NumberFormatException is never one of ours);
 *   <li>right: accepted, and the case's oracle found the result right;
 *   <li>silent wrong: accepted, and the oracle found the result wrong;
 *   <li>foreign: any other throwable (NullPointerException, ClassCastException, OutOfMemoryError,
 *       StackOverflowError, a raw Jackson or NIO exception...);
 *   <li>hang: the case did not finish within the limit.
 * </ul>
 * The first few failures are kept with their inputs, so a red run says what to reproduce.
 */
public final class FuzzTally {
  /** What an accepted input gave, as the case's oracle judges it. */
  public enum Verdict { RIGHT, WRONG }

  private final String name;
  private final long limitMillis;
  private int refused;
  private int right;
  private int wrong;
  private int foreign;
  private int hangs;
  private final List<String> failures = new ArrayList<>();
  private ExecutorService worker = newWorker();
  private final long started = System.nanoTime();
  private long slowestMillis;
  private String slowest = "";

  public FuzzTally(String name, long limitMillis) {
    this.name = name;
    this.limitMillis = limitMillis;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true); // a hung case must not keep the JVM alive
      return t;
    });
  }

  /** Runs one case; {@code input} describes it for the failure list. */
  public void run(String input, Callable<Verdict> attempt) {
    Future<Verdict> future = worker.submit(attempt);
    long start = System.nanoTime();
    try {
      Verdict verdict = future.get(limitMillis, TimeUnit.MILLISECONDS);
      if (verdict == Verdict.RIGHT) {
        right++;
      } else {
        wrong++;
        keep("silent wrong", input, null);
      }
    } catch (TimeoutException e) {
      hangs++;
      keep("hang", input, null);
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (isOwn(cause)) {
        refused++;
      } else {
        foreign++;
        keep("foreign", input, cause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > slowestMillis) {
        slowestMillis = millis;
        slowest = input;
      }
    }
  }

  /** One of the library's own refusals: thrown by Anneal's code, of an expected kind, saying what. */
  public static boolean isOwn(Throwable t) {
    if (!(t instanceof java.io.IOException || t instanceof IllegalArgumentException || t instanceof IllegalStateException)
        || t instanceof NumberFormatException || t.getMessage() == null || t.getMessage().isBlank()) {
      return false;
    }
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("dev.anneal.");
  }

  private void keep(String what, String input, Throwable cause) {
    String dump = System.getProperty("fuzz.dump");
    if (dump != null) {
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of(dump), what + " on " + input + "\n" + cause + "\n",
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    if (failures.size() < 5) {
      String shown = input.length() <= 300 ? input : input.substring(0, 150) + " ... " + input.substring(input.length() - 150);
      failures.add(what + " on " + shown + (cause == null ? "" : ": " + cause));
    }
  }

  public int cases() {
    return refused + right + wrong + foreign + hangs;
  }

  public int refused() {
    return refused;
  }

  public int right() {
    return right;
  }

  /** Silent wrong results, foreign errors and hangs: what must be zero. */
  public int faults() {
    return wrong + foreign + hangs;
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** One line for the build log (and the closing note). */
  public String summary() {
    long millis = (System.nanoTime() - started) / 1_000_000;
    return String.format("FUZZ %s: %d cases in %d ms: %d refused by name, %d accepted and right, %d silent wrong, %d foreign "
        + "errors, %d hangs; slowest case %d ms", name, cases(), millis, refused, right, wrong, foreign, hangs, slowestMillis);
  }

  /** Prints the summary and fails if anything but refusals and right results happened. */
  public void report() {
    worker.shutdownNow();
    System.out.println(summary());
    if (faults() > 0) {
      throw new AssertionError(summary() + "\n" + String.join("\n", failures));
    }
  }
}
