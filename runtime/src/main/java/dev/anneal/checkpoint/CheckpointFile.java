package dev.anneal.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One checkpoint file in the safetensors layout: an 8-byte little-endian header length, a JSON
 * header naming each tensor with its dtype ({@code F32}), shape and byte range, then the tensor
 * bytes (little-endian). The header's {@code __metadata__} (strings only, as safetensors requires)
 * holds the format name and version, the JSON state, and a CRC32C over the state, the tensor
 * table and the tensor bytes, so bit flips anywhere are caught. Safetensors tools can open the
 * file; parameters appear under their own names.
 */
public final class CheckpointFile {
  public static final String FORMAT = "anneal-checkpoint";
  public static final int FORMAT_VERSION = 1;
  static final String KEY_FORMAT = "format";
  static final String KEY_VERSION = "format_version";
  static final String KEY_STATE = "anneal_state";
  static final String KEY_CHECKSUM = "checksum_crc32c";
  private static final long MAX_HEADER = 256L << 20;

  private CheckpointFile() {}

  /** What a checkpoint holds: tensors by name and a JSON state object. */
  public record Contents(Map<String, Tensor> tensors, Map<String, Object> state) {}

  /** Writes atomically: to a temporary file next to {@code file}, forced to disk, then renamed over it. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, Object> state) throws IOException {
    String stateJson = Json.write(state);
    Map<String, Object> header = new LinkedHashMap<>();
    List<long[]> ranges = new ArrayList<>();
    long offset = 0;
    Map<String, Object> table = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
      if (entry.getKey().equals("__metadata__")) {
        throw new IllegalArgumentException("a tensor cannot be named __metadata__");
      }
      long bytes = (long) entry.getValue().values().length * Float.BYTES;
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dtype", "F32");
      info.put("shape", Arrays.stream(entry.getValue().shape()).boxed().toList());
      info.put("data_offsets", List.of(offset, offset + bytes));
      table.put(entry.getKey(), info);
      ranges.add(new long[] {offset, offset + bytes});
      offset += bytes;
    }
    ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(offset)).order(ByteOrder.LITTLE_ENDIAN);
    for (Tensor t : tensors.values()) {
      data.asFloatBuffer().put(t.values());
      data.position(data.position() + t.values().length * Float.BYTES);
    }
    data.flip();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(KEY_FORMAT, FORMAT);
    metadata.put(KEY_VERSION, Integer.toString(FORMAT_VERSION));
    metadata.put(KEY_STATE, stateJson);
    metadata.put(KEY_CHECKSUM, checksum(stateJson, table, data.duplicate()));
    header.put("__metadata__", metadata);
    header.putAll(table);
    byte[] headerBytes = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int padded = (headerBytes.length + 7) / 8 * 8; // safetensors pads the header with spaces to 8 bytes
    ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putLong(padded).put(headerBytes);
    while (prefix.hasRemaining()) {
      prefix.put((byte) ' ');
    }
    prefix.flip();

    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        while (prefix.hasRemaining()) {
          channel.write(prefix);
        }
        while (data.hasRemaining()) {
          channel.write(data);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads and checks a checkpoint whole; any defect raises {@link CheckpointException} naming it. */
  public static Contents read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException("checkpoint " + file + " does not exist or is not a file");
    }
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 16) {
      throw new CheckpointException("checkpoint " + file + " holds " + size + " bytes; this reader handles up to 2 GiB");
    }
    ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (all.capacity() < 8) {
      throw fail(file, "is truncated: " + all.capacity() + " bytes, less than the 8-byte header length");
    }
    long headerLength = all.getLong(0);
    if (headerLength <= 0 || headerLength > MAX_HEADER) {
      throw fail(file, "is corrupt or not a checkpoint: its header length field says " + headerLength + " bytes");
    }
    if (headerLength > all.capacity() - 8) {
      throw fail(file, "is truncated: its header needs " + headerLength + " bytes after the length field, the file holds "
          + (all.capacity() - 8));
    }
    String headerJson = new String(all.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
    Map<String, Object> header;
    try {
      header = Json.readObject(headerJson);
    } catch (IOException e) {
      throw fail(file, "is corrupt: its header is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (!(header.remove("__metadata__") instanceof Map<?, ?> metadata)) {
      throw fail(file, "is not an Anneal checkpoint: its header has no __metadata__");
    }
    if (!FORMAT.equals(metadata.get(KEY_FORMAT))) {
      throw fail(file, "is not an Anneal checkpoint: format is " + metadata.get(KEY_FORMAT) + ", expected " + FORMAT);
    }
    if (!String.valueOf(FORMAT_VERSION).equals(metadata.get(KEY_VERSION))) {
      throw fail(file, "has format version " + metadata.get(KEY_VERSION) + "; this Anneal reads version " + FORMAT_VERSION);
    }
    if (!(metadata.get(KEY_STATE) instanceof String stateJson) || !(metadata.get(KEY_CHECKSUM) instanceof String checksum)) {
      throw fail(file, "is corrupt: its metadata lacks the state or the checksum");
    }

    int dataStart = 8 + (int) headerLength;
    int dataLength = all.capacity() - dataStart;
    record Entry(String name, int[] shape, long begin, long end) {}
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> e : header.entrySet()) {
      entries.add(parseEntry(file, e.getKey(), e.getValue(), (name, shape, begin, end) -> new Entry(name, shape, begin, end)));
    }
    entries.sort(Comparator.comparingLong(Entry::begin));
    long expected = 0;
    for (Entry e : entries) {
      if (e.begin() != expected) {
        throw fail(file, "is corrupt: tensor " + e.name() + " starts at data byte " + e.begin() + ", expected " + expected);
      }
      expected = e.end();
    }
    if (expected > dataLength) {
      throw fail(file, "is truncated: its tensors need " + expected + " data bytes, the file holds " + dataLength);
    }
    if (expected < dataLength) {
      throw fail(file, "is corrupt: " + (dataLength - expected) + " bytes follow the last tensor");
    }
    ByteBuffer data = all.slice(dataStart, dataLength).order(ByteOrder.LITTLE_ENDIAN);
    if (!checksum(stateJson, header, data.duplicate()).equals(checksum)) {
      throw fail(file, "is corrupt: its checksum does not match its contents");
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (String name : header.keySet()) {
      Entry e = entries.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      float[] values = new float[(int) ((e.end() - e.begin()) / Float.BYTES)];
      data.slice((int) e.begin(), (int) (e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      tensors.put(name, new Tensor(e.shape(), values));
    }
    try {
      return new Contents(tensors, Json.readObject(stateJson));
    } catch (IOException e) {
      throw fail(file, "is corrupt: its state is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
  }

  private interface EntryMaker<T> {
    T make(String name, int[] shape, long begin, long end);
  }

  private static <T> T parseEntry(Path file, String name, Object value, EntryMaker<T> maker) throws CheckpointException {
    if (!(value instanceof Map<?, ?> info) || !(info.get("shape") instanceof List<?> shapeList)
        || !(info.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
        || !(offsets.get(0) instanceof Number b) || !(offsets.get(1) instanceof Number e)) {
      throw fail(file, "is corrupt: the header entry of tensor " + name + " is malformed: " + value);
    }
    if (!"F32".equals(info.get("dtype"))) {
      throw fail(file, "holds tensor " + name + " of dtype " + info.get("dtype") + "; Anneal checkpoints hold F32 only");
    }
    int[] shape = new int[shapeList.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(shapeList.get(i) instanceof Integer d) || d < 0) {
        throw fail(file, "is corrupt: tensor " + name + " has shape " + shapeList);
      }
      shape[i] = d;
      count *= d;
    }
    long begin = b.longValue();
    long end = e.longValue();
    if (begin < 0 || end - begin != count * Float.BYTES) {
      throw fail(file, "is corrupt: tensor " + name + " of shape " + shapeList + " spans data bytes " + begin + " to " + end);
    }
    return maker.make(name, shape, begin, end);
  }

  private static String checksum(String stateJson, Map<String, Object> table, ByteBuffer data) {
    CRC32C crc = new CRC32C();
    crc.update(stateJson.getBytes(StandardCharsets.UTF_8));
    // The tensor table canonically (sorted, numbers as longs), so a changed shape or range is caught too.
    table.keySet().stream().sorted().forEach(name -> {
      Map<?, ?> info = (Map<?, ?>) table.get(name);
      StringBuilder line = new StringBuilder(name).append('|').append(info.get("dtype")).append('|');
      ((List<?>) info.get("shape")).forEach(d -> line.append(((Number) d).longValue()).append(','));
      line.append('|');
      ((List<?>) info.get("data_offsets")).forEach(d -> line.append(((Number) d).longValue()).append(','));
      crc.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    });
    crc.update(data);
    return Long.toHexString(crc.getValue());
  }

  private static CheckpointException fail(Path file, String what) {
    return new CheckpointException("checkpoint " + file + " " + what);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
