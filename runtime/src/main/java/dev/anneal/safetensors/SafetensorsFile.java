package dev.anneal.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
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
  private static final int CHUNK_BYTES = 1 << 20;

  /** One tensor's place in the file; {@code dtype} as the file names it. */
  public record Entry(String name, String dtype, int[] shape, long begin, long end) {
    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** Number of elements (the header's shapes were checked not to overflow). */
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
    SafetensorsHeader.Table table = SafetensorsHeader.read(channel, SafetensorsHeader.MAX_LENGTH,
        dtype -> DType.named(dtype).map(DType::bytes).orElse(0), this::fail);
    this.metadata = table.metadata();
    Map<String, Entry> parsed = new LinkedHashMap<>();
    table.tensors().forEach((name, t) -> parsed.put(name, new Entry(name, t.dtype(), t.shape(), t.begin(), t.end())));
    this.entries = Collections.unmodifiableMap(parsed);
    this.dataStart = table.dataStart();
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

  /** The header's {@code __metadata__} (string to string), empty if it has none. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Every tensor, in header order, by name. */
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
    // Sized to the tensor (the header tied its size to the file), at most one chunk.
    int capacity = (int) Math.min(CHUNK_BYTES, Math.max(8, (e.end() - e.begin() + 7) / 8 * 8));
    ByteBuffer chunk = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
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
