package dev.anneal.checkpoint;

import dev.anneal.param.FloatStorage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * An open checkpoint read in place. {@link #open} reads and checks the header only (format,
 * version, tensor table that tiles the data exactly); {@link #verify} streams the data once through
 * the checksum, filling whichever storages the caller names; {@link #readInto} then copies a
 * tensor straight into its destination. Tensors are found by name in constant time.
 */
public final class CheckpointReader implements AutoCloseable {
  private static final long MAX_HEADER = 256L << 20;

  /** One tensor's place in the file. */
  public record Entry(String name, int[] shape, long begin, long end) {
    /** {@return number of floats} */
    public long count() {
      return (end - begin) / Float.BYTES;
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final String stateJson;
  private final String checksum;
  private final Map<String, Object> table;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<Entry> inFileOrder;
  private boolean verified;

  private CheckpointReader(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    long size = channel.size();
    if (size < 8) {
      throw fail("is truncated: " + size + " bytes, less than the 8-byte header length");
    }
    ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(lengthField, 0);
    long headerLength = lengthField.getLong(0);
    if (headerLength <= 0 || headerLength > MAX_HEADER) {
      throw fail("is corrupt or not a checkpoint: its header length field says " + headerLength + " bytes");
    }
    if (headerLength > size - 8) {
      throw fail("is truncated: its header needs " + headerLength + " bytes after the length field, the file holds "
          + (size - 8));
    }
    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    readFully(headerBytes, 8);
    Map<String, Object> header;
    try {
      header = Json.readObject(new String(headerBytes.array(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw fail("is corrupt: its header is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (!(header.remove("__metadata__") instanceof Map<?, ?> metadata)) {
      throw fail("is not an Anneal checkpoint: its header has no __metadata__");
    }
    if (!CheckpointFile.FORMAT.equals(metadata.get(CheckpointFile.KEY_FORMAT))) {
      throw fail("is not an Anneal checkpoint: format is " + metadata.get(CheckpointFile.KEY_FORMAT) + ", expected "
          + CheckpointFile.FORMAT);
    }
    if (!String.valueOf(CheckpointFile.FORMAT_VERSION).equals(metadata.get(CheckpointFile.KEY_VERSION))) {
      throw fail("has format version " + metadata.get(CheckpointFile.KEY_VERSION) + "; this Anneal reads version "
          + CheckpointFile.FORMAT_VERSION);
    }
    if (!(metadata.get(CheckpointFile.KEY_STATE) instanceof String state)
        || !(metadata.get(CheckpointFile.KEY_CHECKSUM) instanceof String sum)) {
      throw fail("is corrupt: its metadata lacks the state or the checksum");
    }
    this.stateJson = state;
    this.checksum = sum;
    this.table = header;
    for (Map.Entry<String, Object> e : header.entrySet()) {
      entries.put(e.getKey(), parseEntry(e.getKey(), e.getValue()));
    }
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(Entry::begin));
    this.dataStart = 8 + headerLength;
    long dataLength = size - dataStart;
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
    this.inFileOrder = List.copyOf(sorted);
  }

  /** Opens a checkpoint and checks its header; the caller closes it. */
  public static CheckpointReader open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException("checkpoint " + file + " does not exist or is not a file");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new CheckpointReader(file, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  /** {@return the tensors in header order, by name} */
  public Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** The tensor of that name, or {@code null}. */
  public Entry entry(String name) {
    return entries.get(name);
  }

  /**
   * Streams every tensor once through the checksum, copying each into the storage {@code target}
   * gives for its name (none: checksum only); refuses the file if the checksum does not match.
   */
  public void verify(Function<Entry, FloatStorage> target) throws IOException {
    CRC32C crc = new CRC32C();
    CheckpointFile.checksumHeader(crc, stateJson, table);
    TensorIo io = new TensorIo(channel, crc);
    try {
      for (Entry e : inFileOrder) {
        FloatStorage into = target.apply(e);
        if (into != null && into.size() != e.count()) {
          throw new IllegalArgumentException("storage for tensor " + e.name() + " holds " + into.size() + " floats, the "
              + "tensor " + e.count());
        }
        io.read(dataStart + e.begin(), e.count(), into);
      }
    } catch (EOFException e) {
      throw fail("is truncated: " + e.getMessage());
    }
    if (!Long.toHexString(crc.getValue()).equals(checksum)) {
      throw fail("is corrupt: its checksum does not match its contents");
    }
    verified = true;
  }

  /** {@return the JSON state; only after {@link #verify}, so that a damaged state is never trusted} */
  public Map<String, Object> state() throws CheckpointException {
    requireVerified();
    try {
      return Json.readObject(stateJson);
    } catch (IOException e) {
      throw fail("is corrupt: its state is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
  }

  /** Copies one tensor into {@code target} (of its size); only after {@link #verify}. */
  public void readInto(String name, FloatStorage target) throws IOException {
    requireVerified();
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("checkpoint " + file + " holds no tensor " + name);
    }
    if (target.size() != e.count()) {
      throw new IllegalArgumentException("tensor " + name + " holds " + e.count() + " floats, the target " + target.size());
    }
    try {
      new TensorIo(channel, new CRC32C()).read(dataStart + e.begin(), e.count(), target);
    } catch (EOFException x) {
      throw fail("was truncated while being read: " + x.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void requireVerified() {
    if (!verified) {
      throw new IllegalStateException("verify() the checkpoint " + file + " before reading it");
    }
  }

  private Entry parseEntry(String name, Object value) throws CheckpointException {
    if (!(value instanceof Map<?, ?> info) || !(info.get("shape") instanceof List<?> shapeList)
        || !(info.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
        || !(offsets.get(0) instanceof Number b) || !(offsets.get(1) instanceof Number e)) {
      throw fail("is corrupt: the header entry of tensor " + name + " is malformed: " + value);
    }
    if (!"F32".equals(info.get("dtype"))) {
      throw fail("holds tensor " + name + " of dtype " + info.get("dtype") + "; Anneal checkpoints hold F32 only");
    }
    int[] shape = new int[shapeList.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(shapeList.get(i) instanceof Integer d) || d < 0) {
        throw fail("is corrupt: tensor " + name + " has shape " + shapeList);
      }
      shape[i] = d;
      count *= d;
    }
    long begin = b.longValue();
    long end = e.longValue();
    if (begin < 0 || end - begin != count * Float.BYTES || count > Integer.MAX_VALUE) {
      throw fail("is corrupt: tensor " + name + " of shape " + shapeList + " spans data bytes " + begin + " to " + end);
    }
    return new Entry(name, shape, begin, end);
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

  private CheckpointException fail(String what) {
    return new CheckpointException("checkpoint " + file + " " + what);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
