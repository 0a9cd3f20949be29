package dev.anneal.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sample 2's CNN saved mid-epoch through {@link dev.anneal.djl.DjlTrainer} and resumed in a fresh
 * JVM ends bit for bit as the uninterrupted run: every parameter, every BatchNorm running
 * statistic and the logits of an evaluation in inference mode (which reads those statistics).
 */
class CnnResumeTest {
  @TempDir Path dir;

  @Test
  void resumedInAFreshJvmEqualsTheUninterruptedRunBitForBit() throws Exception {
    Path full = dir.resolve("full.bin");
    Path checkpoint = dir.resolve("mid-epoch.ckpt");
    Path resumed = dir.resolve("resumed.bin");
    String saved = run("first", checkpoint.toString());
    assertTrue(saved.contains("saved at epoch 1, batch 2"), saved);
    run("full", full.toString());
    run("resume", checkpoint.toString(), resumed.toString());

    Map<String, float[]> expected = read(full);
    Map<String, float[]> actual = read(resumed);
    assertEquals(expected.keySet(), actual.keySet());
    assertTrue(expected.keySet().stream().filter(k -> k.startsWith("buffer ")).count() == 4,
        "the CNN's two BatchNorm layers have a running mean and variance each: " + expected.keySet());
    List<String> different = new ArrayList<>();
    expected.forEach((name, values) -> {
      if (!Arrays.equals(floatBits(values), floatBits(actual.get(name)))) {
        different.add(name);
      }
    });
    assertEquals(List.of(), different, "tensors that differ between the uninterrupted and the resumed run");
    assertFalse(Arrays.equals(floatBits(expected.get("buffer stem.1.runningVar")), ones(32)),
        "training moved the running variance off its initial ones, so the comparison covers trained statistics");
  }

  private static int[] floatBits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  private static int[] ones(int n) {
    float[] ones = new float[n];
    Arrays.fill(ones, 1f);
    return floatBits(ones);
  }

  /** Runs {@link CnnResumeChild} in a JVM of its own; returns its output. */
  private static String run(String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx600m", "-Dai.djl.offline=true", "-cp",
        System.getProperty("java.class.path"), CnnResumeChild.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child " + Arrays.toString(args) + " did not finish");
    assertEquals(0, process.exitValue(), "child " + Arrays.toString(args) + " failed:\n" + output);
    return output;
  }

  private static Map<String, float[]> read(Path file) throws IOException {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      while (true) {
        String name;
        try {
          name = in.readUTF();
        } catch (EOFException end) {
          return tensors;
        }
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
          values[i] = Float.intBitsToFloat(in.readInt());
        }
        tensors.put(name, values);
      }
    }
  }
}
