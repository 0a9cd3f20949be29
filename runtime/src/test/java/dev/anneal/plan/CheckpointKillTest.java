package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of large checkpoints: a child JVM saving a 211 MB checkpoint after every step is
 * killed with SIGKILL at random points, 20 times. Every time, the next child loads the previous
 * checkpoint; the run resumed from the last good one ends with a final checkpoint byte-identical to
 * an uninterrupted run's; temporary files of killed saves are removed by the next save.
 */
class CheckpointKillTest {
  private static final int KILLS = 20;
  @TempDir Path dir;

  @Test
  void killedSavesNeverCostThePreviousCheckpoint() throws Exception {
    Path faulty = dir.resolve("faulty.ckpt");
    Path referenceOut = dir.resolve("reference-final.ckpt");
    Path resumedOut = dir.resolve("resumed-final.ckpt");
    // The uninterrupted run, alongside the faults (different files).
    Process reference = start("finish", dir.resolve("none.ckpt"), referenceOut);
    try {
      run(faulty, reference, referenceOut, resumedOut);
    } finally {
      for (Process p : started) {
        p.destroyForcibly();
      }
    }
  }

  private final List<Process> started = new ArrayList<>();
  private final List<String> history = new ArrayList<>();

  private void run(Path faulty, Process reference, Path referenceOut, Path resumedOut) throws Exception {
    Lines referenceLines = new Lines(reference);

    Random random = new Random(12);
    int loads = 0;
    int midSave = 0;
    int leftovers = 0;
    long lastSaving = -1;
    long lastSaved = -1;
    long saveMillis = 400;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = start("fault", faulty, null);
      Lines lines = new Lines(child);
      long loaded = Long.parseLong(lines.expect("loaded "));
      if (kill > 0) {
        assertTrue(loaded == lastSaved || loaded == lastSaving,
            "kill " + kill + ": loaded step " + loaded + ", the last save started at " + lastSaving + " and completed at "
                + lastSaved + "; children's output: " + history);
        loads++;
      }
      lastSaved = loaded; // what is on disk now (a save whose "saved" line the kill cut off counts too)
      if (kill == 0) {
        lastSaved = Long.parseLong(lines.expect("saved ")); // so that every kill has a checkpoint before it
      }
      lastSaving = Long.parseLong(lines.expect("saving "));
      long started = System.nanoTime();
      // Somewhere in the first one or two saves: mostly while the file is being written.
      long delay = (long) (random.nextDouble() * 1.6 * saveMillis);
      String line;
      while ((line = lines.poll(Math.max(0, delay - (System.nanoTime() - started) / 1_000_000))) != null) {
        if (line.startsWith("saved ")) {
          lastSaved = Long.parseLong(line.substring(6));
          saveMillis = (System.nanoTime() - started) / 1_000_000;
        } else if (line.startsWith("saving ")) {
          lastSaving = Long.parseLong(line.substring(7));
        }
      }
      child.destroyForcibly(); // SIGKILL on Linux
      child.waitFor(60, TimeUnit.SECONDS);
      lines.awaitEnd();
      for (String rest : lines.drain()) {
        if (rest.startsWith("saved ")) {
          lastSaved = Long.parseLong(rest.substring(6));
        } else if (rest.startsWith("saving ")) {
          lastSaving = Long.parseLong(rest.substring(7));
        }
      }
      if (lastSaving != lastSaved || lines.lastWasSaving()) {
        midSave++;
      }
      leftovers += temporaries().size();
    }
    Process finish = start("finish", faulty, resumedOut);
    Lines finishLines = new Lines(finish);
    long resumedFrom = Long.parseLong(finishLines.expect("loaded "));
    assertTrue(resumedFrom == lastSaved || resumedFrom == lastSaving, "final resume loaded step " + resumedFrom);
    loads++;
    finishLines.expect("saved ");
    referenceLines.expect("saved ");
    assertEquals(0, finish.waitFor(), "resumed run exit code");
    assertEquals(0, reference.waitFor(), "reference run exit code");

    System.out.printf("CheckpointKillTest: %d kills (%d during a save), %d loads ok, %d temporary files left by kills, "
        + "final checkpoint %d bytes, resumed from step %d%n", KILLS, midSave, loads, leftovers, Files.size(resumedOut),
        resumedFrom);
    assertEquals(KILLS, loads, "every kill was followed by a successful load");
    assertTrue(Files.size(resumedOut) >= 200L << 20, "checkpoint of at least 200 MB, was " + Files.size(resumedOut));
    assertEquals(-1L, Files.mismatch(referenceOut, resumedOut), "resumed run ends byte for byte as the uninterrupted one");
    assertTrue(midSave >= KILLS / 4, "at least a quarter of the kills land during a save, were " + midSave);
    // The finishing run saved to another file; one more save of the faulty file removes what kills left.
    Process cleaner = start("fault", faulty, null);
    Lines cleanerLines = new Lines(cleaner);
    cleanerLines.expect("loaded ");
    cleanerLines.expect("saved ");
    cleaner.destroyForcibly();
    cleaner.waitFor(60, TimeUnit.SECONDS);
    List<Path> left = temporaries();
    assertTrue(left.size() <= 1, "at most the temporary file of the save killed last is left: " + left);
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private Process start(String mode, Path file, Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx900m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), KillChild.class.getName(), mode, file.toString()));
    if (out != null) {
      command.add(out.toString());
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    started.add(process);
    return process;
  }

  /** A child's stdout lines, read on a daemon thread. */
  private final class Lines {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private volatile String last = "";
    private final Thread reader;

    Lines(Process process) {
      reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            last = line;
            synchronized (history) {
              history.add(process.pid() + ": " + line);
            }
            queue.add(line);
          }
        } catch (IOException e) {
          // the child was killed
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits for a line starting with {@code prefix}; returns the rest. */
    String expect(String prefix) throws InterruptedException {
      while (true) {
        String line = queue.poll(180, TimeUnit.SECONDS);
        if (line == null) {
          throw new AssertionError("child printed no line starting with '" + prefix + "' within 180 s");
        }
        if (line.startsWith(prefix)) {
          return line.substring(prefix.length());
        }
      }
    }

    String poll(long millis) throws InterruptedException {
      return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    List<String> drain() {
      List<String> rest = new ArrayList<>();
      queue.drainTo(rest);
      return rest;
    }

    void awaitEnd() throws InterruptedException {
      reader.join(10_000);
    }

    boolean lastWasSaving() {
      return last.startsWith("saving ");
    }
  }
}
