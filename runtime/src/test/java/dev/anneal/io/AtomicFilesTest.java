package dev.anneal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, item 7. */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aNumericSuffixOfAnotherFilesNameIsNotReadAsAPid() throws Exception {
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      // run.1000's temporary file, being written by a live process; 1000 is part of the name, not a pid
      Path othersTemp = dir.resolve(".run.1000." + live.pid() + ".123.tmp");
      Files.write(othersTemp, new byte[] {1});
      AtomicFiles.write(dir.resolve("run"), new byte[] {2});
      assertTrue(Files.exists(othersTemp), "the temporary file of run.1000 is not run's to remove");
    } finally {
      live.destroyForcibly();
    }
  }

  @Test
  void concurrentSavesOfRunAndRun1000AllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> saves = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        byte[] content = new byte[64 * 1024];
        content[0] = (byte) i;
        saves.add(pool.submit(() -> {
          AtomicFiles.write(dir.resolve("run.1000"), content);
          return null;
        }));
        saves.add(pool.submit(() -> {
          AtomicFiles.write(dir.resolve("run"), content);
          return null;
        }));
      }
      for (Future<?> save : saves) {
        save.get(); // a NoSuchFileException here was a temporary file deleted under a live save
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFullDiskNamesThePathAndKeepsThePreviousFile() throws Exception {
    Path file = dir.resolve("model.ckpt");
    AtomicFiles.write(file, new byte[] {7, 7});
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeChannel(file, channel -> {
      throw new IOException("No space left on device");
    }));
    assertTrue(e.getMessage().startsWith("cannot write " + file.toAbsolutePath()), e.getMessage());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(file));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList(), "no temporary file is left");
    }
  }
}
