package dev.anneal.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.anneal.checkpoint.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The front of every file in the safetensors layout, Anneal's checkpoints included: the 8-byte
 * little-endian header length, the JSON header and the tensor table, read as strictly as the
 * reference reader (huggingface/safetensors) reads them. Files come from model hubs and other
 * people's disks, so every size is checked against the length limit and the file before anything
 * of that size is allocated, and every count is computed without overflow.
 */
public final class SafetensorsHeader {
  /** The reference reader's limit on the header length, in bytes. */
  public static final long MAX_LENGTH = 100_000_000L;
  private static final String METADATA = "__metadata__";

  /** Turns a description of a fault into the caller's exception, which names the file. */
  @FunctionalInterface
  public interface Fault {
    IOException of(String what);
  }

  /** One tensor's entry: its dtype as the file names it, shape, element count and byte range in the data. */
  public record TensorInfo(String name, String dtype, int[] shape, long count, long begin, long end) {
    @Override
    public int[] shape() {
      return shape.clone();
    }
  }

  /** The header as read: where the data starts, the metadata (string to string) and the tensors in header order. */
  public record Table(long dataStart, Map<String, String> metadata, Map<String, TensorInfo> tensors) {}

  private SafetensorsHeader() {}

  /**
   * Reads and checks the header of the file open on {@code channel}: its length (at most
   * {@code maxLength}, within the file), UTF-8 text starting with {, one JSON object without
   * repeated keys, string-to-string metadata, entries with integer shapes and offsets whose
   * element counts do not overflow, and ranges that tile the data exactly. {@code elementBytes}
   * gives a dtype's bytes per element, or 0 for a dtype the caller does not know (its range is then
   * only tiled, not sized).
   */
  public static Table read(FileChannel channel, long maxLength, ToIntFunction<String> elementBytes, Fault fault)
      throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw fault.of("is truncated: " + size + " bytes, less than the 8-byte header length");
    }
    ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, lengthField, 0, fault);
    long headerLength = lengthField.getLong(0);
    if (headerLength < 2 || headerLength > maxLength) {
      throw fault.of("is corrupt or not in the safetensors layout: its header length field says " + headerLength
          + " bytes (at most " + maxLength + ")");
    }
    if (headerLength > size - 8) {
      throw fault.of("is truncated: its header needs " + headerLength + " bytes after the length field, the file holds "
          + (size - 8));
    }
    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    readFully(channel, headerBytes, 8, fault);
    headerBytes.flip();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(headerBytes).toString();
    } catch (CharacterCodingException e) {
      throw fault.of("is corrupt: its header is not valid UTF-8 text");
    }
    if (!text.startsWith("{")) {
      throw fault.of("is corrupt or not in the safetensors layout: its header does not start with '{'");
    }
    Map<String, Object> header;
    try {
      header = Json.readObject(text);
    } catch (JsonProcessingException e) {
      throw fault.of("is corrupt: its header is not one JSON object (" + e.getOriginalMessage() + ")");
    }
    Map<String, String> metadata = metadata(header.remove(METADATA), fault);
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : header.entrySet()) {
      tensors.put(e.getKey(), entry(e.getKey(), e.getValue(), elementBytes, fault));
    }
    long dataStart = 8 + headerLength;
    checkTiling(tensors, size - dataStart, fault);
    return new Table(dataStart, Collections.unmodifiableMap(metadata), Collections.unmodifiableMap(tensors));
  }

  /** The product of the dimensions, or a fault when it overflows a long (a forged shape). */
  public static long elementCount(String name, int[] shape, Fault fault) throws IOException {
    long count = 1;
    try {
      for (int d : shape) {
        count = Math.multiplyExact(count, d);
      }
    } catch (ArithmeticException e) {
      throw fault.of("is corrupt: tensor " + name + " has shape " + java.util.Arrays.toString(shape)
          + ", whose element count overflows");
    }
    return count;
  }

  private static Map<String, String> metadata(Object value, Fault fault) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (value == null) {
      return metadata;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw fault.of("is corrupt: its __metadata__ is not an object of strings");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw fault.of("is corrupt: its __metadata__ maps " + e.getKey() + " to a " + kind(e.getValue())
            + "; safetensors metadata maps strings to strings");
      }
      metadata.put((String) e.getKey(), s);
    }
    return metadata;
  }

  private static TensorInfo entry(String name, Object value, ToIntFunction<String> elementBytes, Fault fault)
      throws IOException {
    if (!(value instanceof Map<?, ?> info) || !(info.get("dtype") instanceof String dtype)
        || !(info.get("shape") instanceof List<?> shapeList) || !(info.get("data_offsets") instanceof List<?> offsets)
        || offsets.size() != 2) {
      throw fault.of("is corrupt: the header entry of tensor " + name + " is malformed: " + abbreviate(value));
    }
    int[] shape = new int[shapeList.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!(shapeList.get(i) instanceof Integer d) || d < 0) {
        throw fault.of("is corrupt: tensor " + name + " has shape " + abbreviate(shapeList)
            + "; dimensions are integers from 0 to " + Integer.MAX_VALUE);
      }
      shape[i] = d;
    }
    long count = elementCount(name, shape, fault);
    long begin = offset(name, offsets.get(0), fault);
    long end = offset(name, offsets.get(1), fault);
    if (end < begin) {
      throw fault.of("is corrupt: tensor " + name + " spans data bytes " + begin + " to " + end);
    }
    int bytes = elementBytes.applyAsInt(dtype);
    if (bytes > 0) {
      long needed;
      try {
        needed = Math.multiplyExact(count, bytes);
      } catch (ArithmeticException e) {
        throw fault.of("is corrupt: tensor " + name + " of shape " + abbreviate(shapeList) + " needs more bytes than a file holds");
      }
      if (end - begin != needed) {
        throw fault.of("is corrupt: tensor " + name + " of dtype " + dtype + " and shape " + abbreviate(shapeList) + " needs "
            + needed + " bytes, its range " + begin + " to " + end + " holds " + (end - begin));
      }
    }
    return new TensorInfo(name, dtype, shape, count, begin, end);
  }

  /** An offset is a non-negative integer: {@code 16.0} is not one (the reference reader refuses it too). */
  private static long offset(String name, Object value, Fault fault) throws IOException {
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
      return ((Number) value).longValue();
    }
    throw fault.of("is corrupt: tensor " + name + " has data offset " + abbreviate(value)
        + "; offsets are integers from 0 to " + Long.MAX_VALUE);
  }

  /** The format requires the ranges to cover the data exactly: no holes, no overlaps, nothing after. */
  private static void checkTiling(Map<String, TensorInfo> tensors, long dataLength, Fault fault) throws IOException {
    List<TensorInfo> sorted = new ArrayList<>(tensors.values());
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    long expected = 0;
    for (TensorInfo e : sorted) {
      if (e.begin() != expected) {
        throw fault.of("is corrupt: tensor " + e.name() + " starts at data byte " + e.begin() + ", expected " + expected);
      }
      expected = e.end();
    }
    if (expected > dataLength) {
      throw fault.of("is truncated: its tensors need " + expected + " data bytes, the file holds " + dataLength);
    }
    if (expected < dataLength) {
      throw fault.of("is corrupt: " + (dataLength - expected) + " bytes follow the last tensor");
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Fault fault) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw fault.of("is truncated at byte " + position);
      }
      position += n;
    }
  }

  private static String kind(Object value) {
    return value == null ? "null" : value instanceof Map ? "object" : value instanceof List ? "list"
        : value instanceof Number ? "number" : value.getClass().getSimpleName();
  }

  /** A value as a message shows it: a forged header can hold megabytes in one entry. */
  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " characters)";
  }
}
