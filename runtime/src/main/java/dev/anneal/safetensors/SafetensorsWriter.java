package dev.anneal.safetensors;

import dev.anneal.checkpoint.Json;
import dev.anneal.checkpoint.TensorIo;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes float32 tensors as a safetensors file that {@code safetensors.torch.load_file} reads:
 * tensors in the order given, the header padded with spaces to a multiple of 8 bytes, the data
 * streamed from each tensor's storage in chunks. Atomic through {@link AtomicFiles}.
 */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  public static void write(Path file, Map<String, TensorRef> tensors) throws IOException {
    write(file, tensors, Map.of());
  }

  /** Writes {@code tensors} (F32) and the string-to-string {@code metadata} (none if empty). */
  public static void write(Path file, Map<String, TensorRef> tensors, Map<String, String> metadata) throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    if (!metadata.isEmpty()) {
      header.put("__metadata__", new LinkedHashMap<>(metadata));
    }
    long offset = 0;
    for (Map.Entry<String, TensorRef> e : tensors.entrySet()) {
      if (e.getKey().equals("__metadata__") || e.getKey().isEmpty()) {
        throw new IllegalArgumentException("a tensor cannot be named '" + e.getKey() + "'");
      }
      long bytes = (long) e.getValue().values().size() * Float.BYTES;
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dtype", DType.F32.name());
      info.put("shape", Arrays.stream(e.getValue().shape()).boxed().toList());
      info.put("data_offsets", List.of(offset, offset + bytes));
      header.put(e.getKey(), info);
      offset += bytes;
    }
    byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int headerLength = (json.length + 7) / 8 * 8;
    AtomicFiles.writeChannel(file, channel -> {
      ByteBuffer front = ByteBuffer.allocate(8 + headerLength).order(ByteOrder.LITTLE_ENDIAN);
      front.putLong(headerLength).put(json);
      while (front.hasRemaining()) {
        front.put((byte) ' ');
      }
      front.flip();
      long position = 0;
      while (front.hasRemaining()) {
        position += channel.write(front, position);
      }
      TensorIo io = new TensorIo(channel);
      for (TensorRef t : tensors.values()) {
        position = io.write(t.values(), position, null);
      }
    });
  }
}
