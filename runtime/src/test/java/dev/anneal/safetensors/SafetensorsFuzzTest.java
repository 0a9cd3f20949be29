package dev.anneal.safetensors;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.fuzz.FuzzTally;
import dev.anneal.fuzz.FuzzTally.Verdict;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's safetensors fuzz, fixed seeds, a few seconds: a file from a model hub is untrusted.
 * Damaged and forged files are opened and every tensor read; the oracle is a reader written here
 * from the reference implementation's rules (huggingface/safetensors {@code read_metadata} and
 * {@code validate}). Anneal may refuse more than the reference (dtypes it does not read, dimensions
 * past an int), never less: a file the reference refuses and Anneal reads is a silent wrong
 * result, and so is any value that differs from the bytes' own decoding.
 */
class SafetensorsFuzzTest {
  private static final long SEED = 25_002;
  private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Map<String, Integer> REFERENCE_DTYPES = Map.ofEntries(Map.entry("BOOL", 1), Map.entry("U8", 1),
      Map.entry("I8", 1), Map.entry("F8_E5M2", 1), Map.entry("F8_E4M3", 1), Map.entry("I16", 2), Map.entry("U16", 2),
      Map.entry("F16", 2), Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
      Map.entry("F64", 8), Map.entry("I64", 8), Map.entry("U64", 8));
  @TempDir Path dir;

  private byte[] sample() throws Exception {
    Map<String, TensorRef> tensors = new LinkedHashMap<>();
    tensors.put("embed.weight", TensorRef.of(new int[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-3f, 7}));
    tensors.put("embed.bias", TensorRef.of(new int[] {3}, new float[] {0.5f, -0.5f, 2}));
    tensors.put("scalar", TensorRef.of(new int[0], new float[] {42}));
    tensors.put("empty", TensorRef.of(new int[] {0, 5}, new float[0]));
    Path file = dir.resolve("sample.safetensors");
    SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));
    return Files.readAllBytes(file);
  }

  @Test
  void damagedAndForgedFilesAreRefusedOrReadAsTheReferenceReadsThem() throws Exception {
    byte[] original = sample();
    Random random = new Random(SEED);
    FuzzTally tally = new FuzzTally("safetensors damage and forgery", 10_000);
    Path file = dir.resolve("fuzzed.safetensors");
    for (int i = 0; i < 1500; i++) {
      byte[] bytes = i % 2 == 0 ? damage(original, random) : forge(original, random);
      String input = describe(bytes);
      tally.run(input, () -> {
        Files.write(file, bytes);
        Map<String, float[]> read = new LinkedHashMap<>();
        try (SafetensorsFile in = SafetensorsFile.open(file)) {
          for (String name : in.entries().keySet()) {
            read.put(name, in.readFloats(name));
          }
          String refusal = referenceRefusal(bytes);
          return refusal == null && agreesWithTheBytes(bytes, in, read) ? Verdict.RIGHT : Verdict.WRONG;
        }
      });
    }
    tally.report();
  }

  private static String describe(byte[] bytes) {
    long n = bytes.length >= 8 ? ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0) : -1;
    int shown = (int) Math.max(0, Math.min(n, Math.min(bytes.length - 8, 400)));
    return "length " + n + ", header " + (bytes.length >= 8 ? new String(bytes, 8, shown, StandardCharsets.ISO_8859_1) : "");
  }

  private static byte[] damage(byte[] bytes, Random random) {
    byte[] out = bytes.clone();
    long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    switch (random.nextInt(3)) {
      case 0 -> {
        return Arrays.copyOf(out, random.nextInt(out.length));
      }
      case 1 -> {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          // mostly in the header, where a flip changes meaning rather than a value
          int at = random.nextInt(4) == 0 ? random.nextInt(out.length) : 8 + random.nextInt((int) headerLength);
          out[at] ^= (byte) (1 << random.nextInt(8));
        }
      }
      default -> {
        int at = 8 + random.nextInt((int) headerLength);
        byte[] printable = " {}[]\",:0123456789-.eE_abcdefFIU\\\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int k = 0, length = 1 + random.nextInt(6); k < length && at + k < out.length; k++) {
          out[at + k] = printable[random.nextInt(printable.length)];
        }
      }
    }
    return out;
  }

  private static final Object[] VALUES = {-1, 0, 1, 3, 4, 12, 24, 36, Integer.MAX_VALUE, Long.MAX_VALUE, 4.0, 16.0, 1e300, "4",
      null, List.of(), Map.of(), List.of(65536, 65536, 65536, 65536), List.of(2147483647, 2147483647, 2), "F32", "F64", "I64",
      "F16", "BF16", "I8", "XYZ", "\u2028", "w\u0000", Map.of("a", 1)};

  /** Edits the header's JSON (the data stays), then writes it back with the right length. */
  @SuppressWarnings("unchecked")
  private byte[] forge(byte[] bytes, Random random) throws Exception {
    int headerLength = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    Map<String, Object> header = STRICT.readValue(new String(bytes, 8, headerLength, StandardCharsets.UTF_8).strip(), LinkedHashMap.class);
    byte[] data = Arrays.copyOfRange(bytes, 8 + headerLength, bytes.length);
    List<String> names = new ArrayList<>(header.keySet());
    String name = names.get(random.nextInt(names.size()));
    Object value = VALUES[random.nextInt(VALUES.length)];
    String text;
    if (random.nextInt(8) == 0) {
      // a repeated key, which a map cannot hold: written as text
      String json = STRICT.writeValueAsString(header);
      String entry = STRICT.writeValueAsString(header.get(name));
      text = json.substring(0, json.length() - 1) + "," + STRICT.writeValueAsString(name) + ":" + entry + "}";
    } else {
      Object target = header.get(name);
      if (target instanceof Map<?, ?> map && random.nextInt(5) > 0) {
        Map<String, Object> info = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> keys = new ArrayList<>(info.keySet());
        String key = keys.isEmpty() ? "dtype" : keys.get(random.nextInt(keys.size()));
        if (info.get(key) instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
          List<Object> copy = new ArrayList<>(list);
          copy.set(random.nextInt(copy.size()), value);
          info.put(key, copy);
        } else {
          info.put(key, value);
        }
        header.put(name, info);
      } else {
        header.put(random.nextBoolean() ? name : "new" + random.nextInt(3), value);
      }
      text = STRICT.writeValueAsString(header);
    }
    byte[] json = text.getBytes(StandardCharsets.UTF_8);
    int padded = random.nextInt(3) == 0 ? json.length : (json.length + 7) / 8 * 8;
    ByteBuffer out = ByteBuffer.allocate(8 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded).put(json);
    while (out.position() < 8 + padded) {
      out.put((byte) ' ');
    }
    return out.put(data).array();
  }

  /** Why the reference reader refuses these bytes, or null if it reads them. */
  static String referenceRefusal(byte[] bytes) {
    if (bytes.length < 8) {
      return "too short";
    }
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    if (n < 0 || n > 100_000_000L || 8 + n > bytes.length) {
      return "header length";
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
    } catch (CharacterCodingException e) {
      return "utf-8";
    }
    if (!text.startsWith("{")) {
      return "start";
    }
    JsonNode root;
    try {
      root = STRICT.readTree(text);
    } catch (Exception e) {
      return "json";
    }
    if (root == null || !root.isObject()) {
      return "not an object";
    }
    record Info(String name, long begin, long end, long bytes) {}
    List<Info> infos = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().equals("__metadata__")) {
        if (v.isNull()) {
          continue;
        }
        if (!v.isObject()) {
          return "metadata";
        }
        for (JsonNode m : v) {
          if (!m.isTextual()) {
            return "metadata value";
          }
        }
        continue;
      }
      if (!v.isObject() || !v.path("dtype").isTextual() || !v.path("shape").isArray() || !v.path("data_offsets").isArray()
          || v.path("data_offsets").size() != 2) {
        return "entry";
      }
      Integer size = REFERENCE_DTYPES.get(v.path("dtype").asText());
      if (size == null) {
        return "dtype";
      }
      long count = 1;
      for (JsonNode d : v.path("shape")) {
        if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
          return "shape";
        }
        try {
          count = Math.multiplyExact(count, d.asLong());
        } catch (ArithmeticException x) {
          return "overflow";
        }
      }
      long[] offsets = new long[2];
      for (int k = 0; k < 2; k++) {
        JsonNode o = v.path("data_offsets").get(k);
        if (!o.isIntegralNumber() || !o.canConvertToLong() || o.asLong() < 0) {
          return "offset";
        }
        offsets[k] = o.asLong();
      }
      long needed;
      try {
        needed = Math.multiplyExact(count, size);
      } catch (ArithmeticException x) {
        return "overflow";
      }
      infos.add(new Info(e.getKey(), offsets[0], offsets[1], needed));
    }
    infos.sort((a, b) -> a.begin() != b.begin() ? Long.compare(a.begin(), b.begin()) : Long.compare(a.end(), b.end()));
    long expected = 0;
    for (Info info : infos) {
      if (info.begin() != expected || info.end() < info.begin() || info.end() - info.begin() != info.bytes()) {
        return "tiling";
      }
      expected = info.end();
    }
    return expected == bytes.length - 8 - n ? null : "data length";
  }

  /** Each tensor read matches the header's shape and, for F32, F64 and I64, the bytes decoded here. */
  private static boolean agreesWithTheBytes(byte[] bytes, SafetensorsFile in, Map<String, float[]> read) {
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    Set<String> seen = new HashSet<>();
    for (SafetensorsFile.Entry e : in.entries().values()) {
      float[] values = read.get(e.name());
      if (!seen.add(e.name()) || values.length != e.count()) {
        return false;
      }
      ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < values.length; i++) {
        int at = (int) (8 + n + e.begin());
        float expected = switch (e.dtype()) {
          case "F32" -> data.getFloat(at + 4 * i);
          case "F64" -> (float) data.getDouble(at + 8 * i);
          case "I64" -> (float) data.getLong(at + 8 * i);
          default -> values[i];
        };
        if (Float.floatToIntBits(expected) != Float.floatToIntBits(values[i])) {
          return false;
        }
      }
    }
    return true;
  }
}
