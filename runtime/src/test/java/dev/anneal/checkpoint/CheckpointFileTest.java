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
}
