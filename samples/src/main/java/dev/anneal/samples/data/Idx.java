package dev.anneal.samples.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, gzip-compressed: a big-endian header (two zero
 * bytes, a type byte, the number of dimensions, then each dimension as a 32-bit integer) and the
 * values. Only unsigned bytes (type 0x08), which is what these data sets hold.
 */
public final class Idx {
  private static final int UNSIGNED_BYTE = 0x08;

  private Idx() {}

  /** An IDX array of unsigned bytes: its dimensions and values in row-major order. */
  public record Array(int[] dims, byte[] values) {
    public int count() {
      return dims[0];
    }

    /** Values per item (the product of every dimension but the first). */
    public int itemSize() {
      int size = 1;
      for (int i = 1; i < dims.length; i++) {
        size *= dims[i];
      }
      return size;
    }
  }

  /**
   * Reads a gzip-compressed IDX stream with {@code expectedDims} dimensions. {@code name} names the
   * file in error messages.
   */
  public static Array readGzip(InputStream in, String name, int expectedDims) throws IOException {
    byte[] raw;
    try (InputStream gz = new GZIPInputStream(in)) {
      raw = readAll(gz);
    } catch (ZipException | EOFException e) {
      throw new MalformedDataException(name + " is not a complete gzip file (" + e.getMessage() + ")");
    }
    return parse(raw, name, expectedDims);
  }

  static Array parse(byte[] raw, String name, int expectedDims) {
    if (raw.length < 4) {
      throw new MalformedDataException(name + " is too short for an IDX header (" + raw.length + " bytes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw);
    if (buffer.get() != 0 || buffer.get() != 0) {
      throw new MalformedDataException(name + " is not an IDX file: it must start with two zero bytes");
    }
    int type = buffer.get() & 0xFF;
    int dimCount = buffer.get() & 0xFF;
    if (type != UNSIGNED_BYTE) {
      throw new MalformedDataException(name + " holds IDX type 0x" + Integer.toHexString(type) + "; only unsigned bytes (0x08) are read");
    }
    if (dimCount != expectedDims) {
      throw new MalformedDataException(name + " has " + dimCount + " dimensions, expected " + expectedDims);
    }
    if (raw.length < 4 + 4 * dimCount) {
      throw new MalformedDataException(name + " ends inside its IDX header");
    }
    int[] dims = new int[dimCount];
    long total = 1;
    for (int i = 0; i < dimCount; i++) {
      dims[i] = buffer.getInt();
      if (dims[i] < 0) {
        throw new MalformedDataException(name + " has a negative dimension " + dims[i]);
      }
      total *= dims[i];
    }
    long available = raw.length - buffer.position();
    if (available != total) {
      throw new MalformedDataException(
          name + " declares " + total + " values but holds " + available + " (truncated or corrupt file)");
    }
    byte[] values = new byte[(int) total];
    buffer.get(values);
    return new Array(dims, values);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    in.transferTo(out);
    return out.toByteArray();
  }
}
