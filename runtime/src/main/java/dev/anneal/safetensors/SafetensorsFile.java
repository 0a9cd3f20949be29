package dev.anneal.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.anneal.checkpoint.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file (what {@code safetensors.torch.save_file} and model hubs write) read in place:
 * an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and byte
 * range, then the raw little-endian data. {@link #open} reads and checks the header only (the
 * ranges must tile the data exactly, as the format requires); tensors are read one at a time, by
 * name, converted to float ({@link DType}). A dtype Anneal does not read is listed, and refused by
 * name when read.
 */
public final class SafetensorsFile implements AutoCloseable {
  private static final long MAX_HEADER = 100L << 20; // the safetensors library's own limit
  private static final int CHUNK_BYTES = 1 << 20;

  /** One tensor's place in the file; {@code dtype} as the file names it. */
  public record Entry(String name, String dtype, int[] shape, long begin, long end) {
    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** {@return number of elements} */
    public long count() {
      long n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final Map<String, String> metadata;
  private final Map<String, Entry> entries;

  private SafetensorsFile(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    long size = channel.size();
    if (size < 8) {
      throw fail("is truncated: " + size + " bytes, less than the 8-byte header length");
    }
    ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(lengthField, 0);
    long headerLength = lengthField.getLong(0);
    if (headerLength < 2 || headerLength > MAX_HEADER) {
      throw fail("is not a safetensors file: its header length field says " + headerLength + " bytes");
    }
    if (headerLength > size - 8) {
      throw fail("is truncated: its header needs " + headerLength + " bytes, the file holds " + (size - 8) + " after the length");
    }
    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    readFully(headerBytes, 8);
    Map<String, Object> header;
    try {
      header = Json.readObject(new String(headerBytes.array(), StandardCharsets.UTF_8).strip());
    } catch (JsonProcessingException e) {
      throw fail("is not a safetensors file: its header is not a JSON object (" + e.getOriginalMessage() + ")");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    if (header.remove("__metadata__") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> meta.put(String.valueOf(k), String.valueOf(v)));
    }
    this.metadata = Collections.unmodifiableMap(meta);
    Map<String, Entry> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : header.entrySet()) {
      parsed.put(e.getKey(), parseEntry(e.getKey(), e.getValue()));
    }
    this.entries = Collections.unmodifiableMap(parsed);
    this.dataStart = 8 + headerLength;
    checkTiling(size - dataStart);
  }

  /** Opens a safetensors file and checks its header; the caller closes it. */
  public static SafetensorsFile open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new SafetensorsException("safetensors file " + file + " does not exist or is not a file");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new SafetensorsFile(file, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  /** {@return the header's {@code __metadata__} (string to string), empty if it has none} */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@return every tensor, in header order, by name} */
  public Map<String, Entry> entries() {
    return entries;
  }

  /** The tensor of that name, or {@code null}. */
  public Entry entry(String name) {
    return entries.get(name);
  }

  /** Reads a tensor as floats (row-major), converting its dtype; refuses a dtype Anneal does not read. */
  public float[] readFloats(String name) throws IOException {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException(file + " holds no tensor " + name + "; it holds " + entries.keySet());
    }
    DType dtype = dtypeOf(e);
    if (e.count() > Integer.MAX_VALUE - 8) {
      throw fail("holds tensor " + name + " of " + e.count() + " elements, more than a Java array holds");
    }
    float[] out = new float[(int) e.count()];
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES - CHUNK_BYTES % 8).order(ByteOrder.LITTLE_ENDIAN);
    long position = dataStart + e.begin();
    int done = 0;
    while (done < out.length) {
      int n = Math.min(out.length - done, chunk.capacity() / dtype.bytes());
      chunk.clear().limit(n * dtype.bytes());
      readFully(chunk, position);
      position += (long) n * dtype.bytes();
      chunk.flip();
      if (dtype == DType.F32) {
        chunk.asFloatBuffer().get(out, done, n);
      } else {
        for (int i = 0; i < n; i++) {
          out[done + i] = dtype.read(chunk);
        }
      }
      done += n;
    }
    return out;
  }

  /** The tensor's dtype if Anneal reads it; otherwise a refusal naming the tensor and the dtype. */
  public DType dtypeOf(Entry e) throws SafetensorsException {
    return DType.named(e.dtype()).orElseThrow(() -> fail(
        "holds tensor " + e.name() + " of dtype " + e.dtype() + ", which Anneal does not read (it reads " + DType.readable() + ")"));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private Entry parseEntry(String name, Object value) throws SafetensorsException {
    if (!(value instanceof Map<?, ?> info) || !(info.get("dtype") instanceof String dtype)
        || !(info.get("shape") instanceof List<?> shapeList) || !(info.get("data_offsets") instanceof List<?> offsets)
        || offsets.size() != 2 || !(offsets.get(0) instanceof Number b) || !(offsets.get(1) instanceof Number e)) {
      throw fail("is corrupt: the header entry of tensor " + name + " is malformed: " + value);
    }
    int[] shape = new int[shapeList.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!(shapeList.get(i) instanceof Integer d) || d < 0) {
        throw fail("is corrupt: tensor " + name + " has shape " + shapeList);
      }
      shape[i] = d;
    }
    Entry entry = new Entry(name, dtype, shape, b.longValue(), e.longValue());
    if (entry.begin() < 0 || entry.end() < entry.begin()) {
      throw fail("is corrupt: tensor " + name + " spans data bytes " + entry.begin() + " to " + entry.end());
    }
    DType known = DType.named(dtype).orElse(null);
    if (known != null && entry.end() - entry.begin() != entry.count() * known.bytes()) {
      throw fail("is corrupt: tensor " + name + " of dtype " + dtype + " and shape " + Arrays.toString(shape) + " needs "
          + entry.count() * known.bytes() + " bytes, its range holds " + (entry.end() - entry.begin()));
    }
    return entry;
  }

  /** The format requires the ranges to cover the data exactly: no holes, no overlaps, nothing after. */
  private void checkTiling(long dataLength) throws SafetensorsException {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long expected = 0;
    for (Entry e : sorted) {
      if (e.begin() != expected) {
        throw fail("is corrupt: tensor " + e.name() + " starts at data byte " + e.begin() + ", expected " + expected);
      }
      expected = e.end();
    }
    if (expected > dataLength) {
      throw fail("is truncated: its tensors need " + expected + " data bytes, the file holds " + dataLength);
    }
    if (expected < dataLength) {
      throw fail("is corrupt: " + (dataLength - expected) + " bytes follow the last tensor");
    }
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw fail("is truncated at byte " + position);
      }
      position += n;
    }
  }

  private SafetensorsException fail(String what) {
    return new SafetensorsException("safetensors file " + file + " " + what);
  }
}
