package dev.anneal.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.TensorRef;
import dev.anneal.param.FloatStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {
  @TempDir Path dir;

  @Test
  void writtenTensorsReadBackWithShapesMetadataAndOrder() throws IOException {
    Map<String, TensorRef> tensors = new LinkedHashMap<>();
    tensors.put("features.0.weight", TensorRef.of(new int[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 1e30f}));
    tensors.put("step", TensorRef.of(new int[0], new float[] {7}));
    tensors.put("empty", TensorRef.of(new int[] {0, 4}, new float[0]));
    FloatStorage direct = FloatStorage.direct(3);
    direct.copyFrom(new float[] {0.25f, 0.5f, 0.75f});
    tensors.put("direct", new TensorRef(new int[] {3}, direct));
    Path file = dir.resolve("t.safetensors");
    SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));

    byte[] bytes = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLength % 8, "header padded to a multiple of 8");
    assertEquals('{', bytes[8]);
    try (SafetensorsFile in = SafetensorsFile.open(file)) {
      assertEquals(List.of("features.0.weight", "step", "empty", "direct"), List.copyOf(in.entries().keySet()));
      assertEquals(Map.of("format", "pt"), in.metadata());
      assertArrayEquals(new int[] {2, 3}, in.entry("features.0.weight").shape());
      assertEquals("F32", in.entry("step").dtype());
      assertArrayEquals(new int[0], in.entry("step").shape());
      assertArrayEquals(new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 1e30f}, in.readFloats("features.0.weight"));
      assertArrayEquals(new float[] {7}, in.readFloats("step"));
      assertArrayEquals(new float[0], in.readFloats("empty"));
      assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f}, in.readFloats("direct"));
    }
  }

  @Test
  void readsF64F16Bf16AndI64AsFloats() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(8 * 2 + 2 * 6 + 2 * 2 + 8 * 2).order(ByteOrder.LITTLE_ENDIAN);
    data.putDouble(0.1).putDouble(-3e300);
    // F16: 1, -2, 1/3 rounded (0x3555), smallest subnormal 2^-24, +inf, 65504 (largest)
    for (int h : new int[] {0x3C00, 0xC000, 0x3555, 0x0001, 0x7C00, 0x7BFF}) {
      data.putShort((short) h);
    }
    data.putShort((short) 0x3F80).putShort((short) 0x4049); // BF16: 1, 3.140625
    data.putLong(-5).putLong(1L << 40);
    String header = "{\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
        + "\"h\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[16,28]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[28,32]},"
        + "\"i\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[32,48]}}";
    Path file = raw(header, data.array());
    try (SafetensorsFile in = SafetensorsFile.open(file)) {
      assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, in.readFloats("d"));
      assertArrayEquals(new float[] {1, -2, 0.333251953125f, 0x1p-24f, Float.POSITIVE_INFINITY, 65504}, in.readFloats("h"));
      assertArrayEquals(new float[] {1, 3.140625f}, in.readFloats("b"));
      assertArrayEquals(new float[] {-5, 1L << 40}, in.readFloats("i"));
    }
  }

  @Test
  void aDtypeAnnealDoesNotReadIsListedAndRefusedByName() throws IOException {
    Path file = raw("{\"q\":{\"dtype\":\"I8\",\"shape\":[3],\"data_offsets\":[0,3]}}", new byte[] {1, 2, 3});
    try (SafetensorsFile in = SafetensorsFile.open(file)) {
      assertEquals("I8", in.entry("q").dtype());
      SafetensorsException e = assertThrows(SafetensorsException.class, () -> in.readFloats("q"));
      assertTrue(e.getMessage().contains("tensor q of dtype I8, which Anneal does not read (it reads F32, F64, F16, BF16, I64)"),
          e.getMessage());
    }
  }

  @Test
  void damagedFilesAreRefusedSayingWhy() throws IOException {
    String one = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    assertRefused(raw(one, new byte[4]), "is truncated: its tensors need 8 data bytes, the file holds 4");
    assertRefused(raw(one, new byte[12]), "4 bytes follow the last tensor");
    assertRefused(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]),
        "tensor a starts at data byte 4, expected 0");
    assertRefused(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]),
        "tensor a of dtype F32 and shape [3] needs 12 bytes, its range 0 to 8 holds 8");
    assertRefused(raw("[1,2]", new byte[0]), "its header does not start with '{'");
    Path shortFile = dir.resolve("short.safetensors");
    Files.write(shortFile, new byte[] {1, 2, 3});
    assertRefused(shortFile, "less than the 8-byte header length");
    Path huge = dir.resolve("huge.safetensors");
    Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
    assertRefused(huge, "header length field says 1099511627776 bytes");
  }

  // Issue 25: what the reference reader (huggingface/safetensors) checks, Anneal checks.

  @Test
  void aHeaderThatIsNotUtf8IsRefused() throws IOException {
    byte[] json = "{\"weig\u00ff\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}".getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(rawBytes(json, new byte[0]), "its header is not valid UTF-8 text");
  }

  @Test
  void aHeaderMustStartWithABrace() throws IOException {
    assertRefused(raw("  {}", new byte[0]), "does not start with '{'");
    assertRefused(raw("null", new byte[0]), "does not start with '{'");
    assertRefused(raw("{}garbage", new byte[0]), "its header is not one JSON object");
  }

  @Test
  void metadataMapsStringsToStrings() throws IOException {
    assertRefused(raw("{\"__metadata__\":{\"format\":1}}", new byte[0]), "its __metadata__ maps format to a number");
    assertRefused(raw("{\"__metadata__\":[\"pt\"]}", new byte[0]), "its __metadata__ is not an object of strings");
    assertRefused(raw("{\"__metadata__\":{\"a\":{\"b\":\"c\"}}}", new byte[0]), "maps a to a object");
  }

  @Test
  void aRepeatedKeyIsRefusedNotResolvedByLastWins() throws IOException {
    String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
    assertRefused(raw("{\"w\":" + entry + ",\"w\":" + entry + "}", new byte[4]), "Duplicate field 'w'");
    assertRefused(raw("{\"w\":{\"dtype\":\"F32\",\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]),
        "Duplicate field 'dtype'");
  }

  @Test
  void elementCountsThatOverflowAreRefused() throws IOException {
    assertRefused(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536,65536,65536],\"data_offsets\":[0,0]}}", new byte[0]),
        "tensor w has shape [65536, 65536, 65536, 65536], whose element count overflows");
    // 2^62 elements fit a long, their 2^64 bytes do not
    assertRefused(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2],\"data_offsets\":[0,0]}}", new byte[0]),
        "needs more bytes than a file holds");
  }

  @Test
  void offsetsAreNonNegativeIntegers() throws IOException {
    assertRefused(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0.0,16.0]}}", new byte[16]),
        "tensor w has data offset 0.0; offsets are integers");
    assertRefused(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,99999999999999999999]}}", new byte[16]),
        "tensor w has data offset 99999999999999999999");
    assertRefused(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[4.0],\"data_offsets\":[0,16]}}", new byte[16]),
        "tensor w has shape [4.0]; dimensions are integers");
  }

  @Test
  void theHeaderLimitIsTheReferenceReaders() throws IOException {
    Path file = dir.resolve("limit.safetensors");
    Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001L).array());
    assertRefused(file, "header length field says 100000001 bytes (at most 100000000)");
    Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_000L).array());
    assertRefused(file, "is truncated: its header needs 100000000 bytes");
  }

  @Test
  void deepNestingInAHeaderIsRefusedNotAStackOverflow() throws IOException {
    String deep = "{\"__metadata__\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertRefused(raw(deep, new byte[0]), "its header is not one JSON object");
  }

  private void assertRefused(Path file, String expected) {
    SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(file).close());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private int files;

  private Path raw(String header, byte[] data) throws IOException {
    return rawBytes(header.getBytes(StandardCharsets.UTF_8), data);
  }

  private Path rawBytes(byte[] json, byte[] data) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(json.length).put(json).put(data);
    Path file = dir.resolve("raw" + files++ + ".safetensors");
    Files.write(file, out.array());
    return file;
  }
}
