package dev.anneal.checkpoint;

import dev.anneal.param.FloatStorage;
import dev.anneal.safetensors.SafetensorsHeader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
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
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * An open checkpoint read in place. {@link #open} reads and checks the header only (format,
 * version, tensor table that tiles the data exactly); {@link #verify} streams the data once through
 * the checksum, filling whichever storages the caller names; {@link #readInto} then copies a
 * tensor straight into its destination. Tensors are found by name in constant time.
 */
public final class CheckpointReader implements AutoCloseable {
  /** Checkpoint headers hold the JSON state too, so they may be larger than a safetensors file's. */
  private static final long MAX_HEADER = 256L << 20;
  /** The most floats a Java array holds. */
  private static final long MAX_FLOATS = Integer.MAX_VALUE - 8;

  /** One tensor's place in the file. */
  public record Entry(String name, int[] shape, long begin, long end) {
    /** Number of floats. */
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
  private final TensorIo io;
  private boolean verified;

  private CheckpointReader(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    SafetensorsHeader.Table header = SafetensorsHeader.read(channel, MAX_HEADER, dtype -> "F32".equals(dtype) ? Float.BYTES : 0,
        this::fail);
    Map<String, String> metadata = header.metadata();
    if (metadata.isEmpty()) {
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
    this.stateJson = metadata.get(CheckpointFile.KEY_STATE);
    this.checksum = metadata.get(CheckpointFile.KEY_CHECKSUM);
    if (stateJson == null || checksum == null) {
      throw fail("is corrupt: its metadata lacks the state or the checksum");
    }
    long largest = 0;
    for (SafetensorsHeader.TensorInfo t : header.tensors().values()) {
      if (!"F32".equals(t.dtype())) {
        throw fail("holds tensor " + t.name() + " of dtype " + t.dtype() + "; Anneal checkpoints hold F32 only");
      }
      if (t.count() > MAX_FLOATS) {
        throw fail("holds tensor " + t.name() + " of " + t.count() + " floats, more than a Java array holds");
      }
      entries.put(t.name(), new Entry(t.name(), t.shape(), t.begin(), t.end()));
      largest = Math.max(largest, t.end() - t.begin());
    }
    this.table = tableOf(header.tensors());
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(Entry::begin));
    this.inFileOrder = List.copyOf(sorted);
    this.dataStart = header.dataStart();
    // One buffer for every tensor of this file, no larger than its largest tensor.
    this.io = new TensorIo(channel, (int) Math.min(TensorIo.CHUNK_BYTES, Math.max(Float.BYTES, largest)));
  }

  /** The tensor table as the checksum covers it (see {@link CheckpointFile#checksumHeader}). */
  private static Map<String, Object> tableOf(Map<String, SafetensorsHeader.TensorInfo> tensors) {
    Map<String, Object> table = new LinkedHashMap<>();
    tensors.forEach((name, t) -> table.put(name, Map.of("dtype", t.dtype(),
        "shape", Arrays.stream(t.shape()).boxed().toList(), "data_offsets", List.of(t.begin(), t.end()))));
    return table;
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

  /** The tensors in header order, by name. */
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
    try {
      for (Entry e : inFileOrder) {
        FloatStorage into = target.apply(e);
        if (into != null && into.size() != e.count()) {
          throw new IllegalArgumentException("storage for tensor " + e.name() + " holds " + into.size() + " floats, the "
              + "tensor " + e.count());
        }
        io.read(dataStart + e.begin(), e.count(), into, crc);
      }
    } catch (EOFException e) {
      throw fail("is truncated: " + e.getMessage());
    }
    if (!Long.toHexString(crc.getValue()).equals(checksum)) {
      throw fail("is corrupt: its checksum does not match its contents");
    }
    verified = true;
  }

  /** The JSON state; only after {@link #verify}, so that a damaged state is never trusted. */
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
      io.read(dataStart + e.begin(), e.count(), target, null);
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

  private CheckpointException fail(String what) {
    return new CheckpointException("checkpoint " + file + " " + what);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
