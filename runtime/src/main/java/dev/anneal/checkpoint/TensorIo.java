package dev.anneal.checkpoint;

import dev.anneal.param.DirectStorage;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.HeapStorage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Moves floats between a storage and a file region through one reusable direct buffer (file
 * bytes are little-endian), updating a checksum on the way if given one. Engine memory already in
 * little-endian order is written straight from where it lives. Checkpoints use it, and so does
 * the safetensors writer (whose checksum nobody reads).
 */
public final class TensorIo {
  /** Bytes moved per system call: large enough to stream, small enough to stay in cache. */
  public static final int CHUNK_BYTES = 1 << 22;
  private static final boolean NATIVE_LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private final ByteBuffer chunk;
  private final FileChannel channel;

  /** Streams through one direct buffer of {@link #CHUNK_BYTES}. */
  public TensorIo(FileChannel channel) {
    this(channel, CHUNK_BYTES);
  }

  /**
   * Streams through one direct buffer of {@code chunkBytes} (rounded up to whole floats): a reader
   * of small tensors keeps it small, since direct memory is scarcer than heap and freed late.
   */
  public TensorIo(FileChannel channel, int chunkBytes) {
    if (chunkBytes < 1 || chunkBytes > CHUNK_BYTES) {
      throw new IllegalArgumentException("chunkBytes must be in [1, " + CHUNK_BYTES + "], was " + chunkBytes);
    }
    this.channel = channel;
    this.chunk = ByteBuffer.allocateDirect((chunkBytes + Float.BYTES - 1) / Float.BYTES * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Writes the storage's floats at {@code position}, through {@code crc} if not null; returns the position after them. */
  public long write(FloatStorage values, long position, CRC32C crc) throws IOException {
    if (values instanceof EngineStorage onEngine) {
      return write(FloatStorage.wrap(onEngine.toArray()), position, crc); // one copy from the device
    }
    int floatsPerChunk = chunk.capacity() / Float.BYTES;
    int size = values.size();
    if (values instanceof DirectStorage direct && NATIVE_LITTLE) {
      ByteBuffer bytes = direct.bytes();
      for (int off = 0; off < size; off += floatsPerChunk) {
        int n = Math.min(floatsPerChunk, size - off);
        ByteBuffer part = bytes.slice(off * Float.BYTES, n * Float.BYTES);
        if (crc != null) {
          crc.update(part.duplicate());
        }
        position = writeFully(part, position);
      }
      return position;
    }
    for (int off = 0; off < size; off += floatsPerChunk) {
      int n = Math.min(floatsPerChunk, size - off);
      chunk.clear();
      if (values instanceof HeapStorage heap) {
        chunk.asFloatBuffer().put(heap.array(), off, n);
      } else {
        chunk.asFloatBuffer().put(((DirectStorage) values).floats().slice(off, n));
      }
      chunk.limit(n * Float.BYTES);
      if (crc != null) {
        crc.update(chunk.duplicate());
      }
      position = writeFully(chunk, position);
    }
    return position;
  }

  /**
   * Reads {@code count} floats at {@code position} into {@code target} (or only through the
   * checksum when {@code target} is null), through {@code crc} if not null; returns the position after them.
   */
  public long read(long position, long count, FloatStorage target, CRC32C crc) throws IOException {
    if (target instanceof EngineStorage onEngine) {
      HeapStorage staged = FloatStorage.heap(onEngine.size());
      long end = read(position, count, staged, crc);
      onEngine.copyFrom(staged.array()); // one copy to the device
      return end;
    }
    int floatsPerChunk = chunk.capacity() / Float.BYTES;
    for (long off = 0; off < count; off += floatsPerChunk) {
      int n = (int) Math.min(floatsPerChunk, count - off);
      chunk.clear().limit(n * Float.BYTES);
      readFully(chunk, position);
      position += n * Float.BYTES;
      chunk.flip();
      if (crc != null) {
        crc.update(chunk.duplicate());
      }
      if (target instanceof HeapStorage heap) {
        chunk.asFloatBuffer().get(heap.array(), (int) off, n);
      } else if (target instanceof DirectStorage direct) {
        direct.floats().slice((int) off, n).put(chunk.asFloatBuffer());
      }
    }
    return position;
  }

  private long writeFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    return position;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new EOFException("file ends at byte " + position);
      }
      position += n;
    }
  }
}
