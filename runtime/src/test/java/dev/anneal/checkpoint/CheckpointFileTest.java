package dev.anneal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path dir;

  private Path sample() throws Exception {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("stem.w", new Tensor(new int[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 6}));
    tensors.put("optimizer/stem.w/exp_avg", new Tensor(new int[] {6}, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("best", Double.POSITIVE_INFINITY);
    state.put("lr", 0.1 + 0.2);
    state.put("steps", 7);
    state.put("betas", List.of(0.9, 0.999));
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, tensors, state);
    return file;
  }

  @Test
  void roundTripsTensorsAndStateExactly() throws Exception {
    CheckpointFile.Contents read = CheckpointFile.read(sample());
    assertArrayEquals(new int[] {2, 3}, read.tensors().get("stem.w").shape());
    assertArrayEquals(new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 6}, read.tensors().get("stem.w").values());
    assertEquals(Double.POSITIVE_INFINITY, read.state().get("best"));
    assertEquals(0.1 + 0.2, read.state().get("lr"));
    assertEquals(7, read.state().get("steps"));
    assertEquals(List.of(0.9, 0.999), read.state().get("betas"));
    assertEquals(List.of("run.ckpt"), Arrays.stream(dir.toFile().list()).toList(), "no temporary file left behind");
  }

  @Test
  void fileHasTheSafetensorsLayout() throws Exception {
    byte[] bytes = Files.readAllBytes(sample());
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, n % 8, "header padded to 8 bytes");
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"anneal-checkpoint\",\"format_version\":\"1\""), header);
    assertTrue(header.contains("\"stem.w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}"), header);
    assertEquals(8 + n + 48, bytes.length);
    float first = ByteBuffer.wrap(bytes, 8 + (int) n, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    assertEquals(1f, first);
  }

  @Test
  void everyTruncationIsRefused() throws Exception {
    byte[] bytes = Files.readAllBytes(sample());
    Path cut = dir.resolve("cut.ckpt");
    for (int length = 0; length < bytes.length; length++) {
      Files.write(cut, Arrays.copyOf(bytes, length));
      CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(cut), "length " + length);
      assertTrue(e.getMessage().contains("cut.ckpt"), e.getMessage());
    }
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
    assertTrue(assertThrows(CheckpointException.class, () -> CheckpointFile.read(cut)).getMessage().contains("truncated"));
  }

  @Test
  void everySingleBitFlipIsRefused() throws Exception {
    byte[] bytes = Files.readAllBytes(sample());
    Path bad = dir.resolve("bad.ckpt");
    for (int i = 0; i < bytes.length; i++) {
      for (int bit : new int[] {0, 5}) {
        byte[] copy = bytes.clone();
        copy[i] ^= (byte) (1 << bit);
        Files.write(bad, copy);
        assertThrows(CheckpointException.class, () -> CheckpointFile.read(bad), "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void otherFormatVersionIsRefusedByName() throws Exception {
    byte[] bytes = Files.readAllBytes(sample());
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"format_version\":\"1\"", "\"format_version\":\"9\"");
    Path other = dir.resolve("v9.ckpt");
    Files.write(other, text.getBytes(StandardCharsets.ISO_8859_1));
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(other));
    assertTrue(e.getMessage().contains("format version 9"), e.getMessage());
  }

  @Test
  void missingFileIsRefused() {
    assertThrows(CheckpointException.class, () -> CheckpointFile.read(dir.resolve("nope.ckpt")));
  }

  @Test
  void aSaveRemovesTemporaryFilesOfKilledSavesAndKeepsThoseOfLiveOnes() throws Exception {
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      Path dead = dir.resolve(".run.ckpt." + deadPid() + ".123.tmp");
      Path running = dir.resolve(".run.ckpt." + live.pid() + ".456.tmp");
      Path other = dir.resolve(".other.ckpt.1.789.tmp");
      for (Path p : List.of(dead, running, other)) {
        Files.write(p, new byte[] {1, 2, 3});
      }
      sample();
      assertTrue(Files.notExists(dead), "left by a killed save: removed");
      assertTrue(Files.exists(running), "a save still running elsewhere: kept");
      assertTrue(Files.exists(other), "another checkpoint's: not touched");
    } finally {
      live.destroyForcibly();
    }
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  /** A sparse file with 2.4 GB of zeros before a small tensor: offsets past 2 GiB, read without a whole-file buffer. */
  @Test
  void readsTensorsPastTwoGibibytes() throws Exception {
    long bigCount = 600_000_000L;
    long bigBytes = bigCount * Float.BYTES;
    float[] tail = {1.5f, -2f, 3.25f};
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("big", Map.of("dtype", "F32", "shape", List.of(bigCount), "data_offsets", List.of(0L, bigBytes)));
    table.put("tail", Map.of("dtype", "F32", "shape", List.of(3), "data_offsets", List.of(bigBytes, bigBytes + 12)));
    String stateJson = Json.write(Map.of("step", 1));
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    CheckpointFile.checksumHeader(crc, stateJson, table);
    ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 22);
    for (long done = 0; done < bigBytes; done += zeros.capacity()) {
      crc.update(zeros.clear().limit((int) Math.min(zeros.capacity(), bigBytes - done)));
    }
    ByteBuffer tailBytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    tailBytes.asFloatBuffer().put(tail);
    crc.update(tailBytes.duplicate());
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("__metadata__", Map.of("format", CheckpointFile.FORMAT, "format_version", "1", "anneal_state", stateJson,
        "checksum_crc32c", Long.toHexString(crc.getValue())));
    header.putAll(table);
    byte[] headerBytes = Json.write(header).getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("sparse.ckpt");
    try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE)) {
      ByteBuffer front = ByteBuffer.allocate(8 + headerBytes.length).order(ByteOrder.LITTLE_ENDIAN);
      front.putLong(headerBytes.length).put(headerBytes).flip();
      channel.write(front, 0);
      channel.write(tailBytes, 8 + headerBytes.length + bigBytes); // the zeros before it stay a hole
    }
    try (CheckpointReader reader = CheckpointReader.open(file)) {
      assertEquals(bigBytes, reader.entry("tail").begin());
      float[] read = new float[3];
      reader.verify(e -> e.name().equals("tail") ? dev.anneal.param.FloatStorage.wrap(read) : null);
      assertArrayEquals(tail, read);
      assertEquals(1, reader.state().get("step"));
      float[] again = new float[3];
      reader.readInto("tail", dev.anneal.param.FloatStorage.wrap(again));
      assertArrayEquals(tail, again);
    }
  }

  @Test
  void directStorageIsWrittenInPlaceAndReadBackIntoDirectStorage() throws Exception {
    dev.anneal.param.DirectStorage engine = dev.anneal.param.FloatStorage.direct(5_000_000); // spans several chunks
    for (int i = 0; i < engine.size(); i++) {
      engine.set(i, i * 0.25f - 7);
    }
    Path file = dir.resolve("direct.ckpt");
    CheckpointWriter.write(file, Map.of("w", new TensorRef(new int[] {1000, 5000}, engine)), Map.of());
    dev.anneal.param.DirectStorage back = dev.anneal.param.FloatStorage.direct(5_000_000);
    try (CheckpointReader reader = CheckpointReader.open(file)) {
      reader.verify(e -> back);
    }
    assertArrayEquals(engine.toArray(), back.toArray());
    assertArrayEquals(engine.toArray(), CheckpointFile.read(file).tensors().get("w").values());
  }

  @Test
  void readingBeforeVerifyingIsRefused() throws Exception {
    try (CheckpointReader reader = CheckpointReader.open(sample())) {
      assertThrows(IllegalStateException.class, reader::state);
    }
  }
}
