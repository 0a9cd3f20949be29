package dev.anneal.safetensors;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The safetensors dtypes Anneal reads, each converted to float as it is read: F32 as is, F64 and
 * I64 rounded to the nearest float, F16 and BF16 widened exactly. Anneal writes F32 only.
 */
public enum DType {
  F32(4),
  F64(8),
  F16(2),
  BF16(2),
  I64(8);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** {@return bytes per element} */
  public int bytes() {
    return bytes;
  }

  /** The dtype of this safetensors name ({@code "F32"}), or empty for one Anneal does not read. */
  public static Optional<DType> named(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }

  /** The names Anneal reads, for messages: {@code F32, F64, F16, BF16, I64}. */
  public static String readable() {
    return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
  }

  /** Reads the element at the buffer's position (little-endian) as a float, advancing it. */
  float read(ByteBuffer in) {
    return switch (this) {
      case F32 -> in.getFloat();
      case F64 -> (float) in.getDouble();
      case F16 -> halfToFloat(in.getShort());
      case BF16 -> Float.intBitsToFloat((in.getShort() & 0xffff) << 16);
      case I64 -> (float) in.getLong();
    };
  }

  /** IEEE 754 binary16 to float, exactly (Java 17 has no {@code Float.float16ToFloat}). */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) { // infinity or NaN
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) { // zero or subnormal: mantissa * 2^-24
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
