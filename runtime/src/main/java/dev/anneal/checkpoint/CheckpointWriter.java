package dev.anneal.checkpoint;

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
import java.util.zip.CRC32C;

/**
 * Streams a checkpoint to disk in the {@link CheckpointFile} layout without assembling it in
 * memory: the header's size is fixed first (with the widest checksum), the tensors go straight
 * from their storages to their place in the file while the checksum runs over them, then the
 * header is written in front. Atomic through {@link AtomicFiles}, which also removes the temporary
 * files of saves that were killed.
 */
public final class CheckpointWriter {
  private static final String WIDEST_CHECKSUM = "ffffffff";

  private CheckpointWriter() {}

  public static void write(Path file, Map<String, TensorRef> tensors, Map<String, Object> state) throws IOException {
    String stateJson = Json.write(state);
    Map<String, Object> table = new LinkedHashMap<>();
    long offset = 0;
    for (Map.Entry<String, TensorRef> entry : tensors.entrySet()) {
      if (entry.getKey().equals("__metadata__")) {
        throw new IllegalArgumentException("a tensor cannot be named __metadata__");
      }
      long bytes = entry.getValue().bytes();
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dtype", "F32");
      info.put("shape", Arrays.stream(entry.getValue().shape()).boxed().toList());
      info.put("data_offsets", List.of(offset, offset + bytes));
      table.put(entry.getKey(), info);
      offset += bytes;
    }
    // safetensors pads the header with spaces to a multiple of 8; the final header (with a checksum
    // that may be shorter than the widest) is padded to the same length, so the data stays in place.
    int headerLength = (header(stateJson, table, WIDEST_CHECKSUM).length + 7) / 8 * 8;
    long dataStart = 8L + headerLength;

    AtomicFiles.writeChannel(file, channel -> {
      CRC32C crc = new CRC32C();
      CheckpointFile.checksumHeader(crc, stateJson, table);
      long largest = tensors.values().stream().mapToLong(TensorRef::bytes).max().orElse(0);
      TensorIo io = new TensorIo(channel, (int) Math.min(TensorIo.CHUNK_BYTES, Math.max(Float.BYTES, largest)));
      long position = dataStart;
      for (TensorRef t : tensors.values()) {
        position = io.write(t.values(), position, crc);
      }
      byte[] header = header(stateJson, table, Long.toHexString(crc.getValue()));
      ByteBuffer front = ByteBuffer.allocate(8 + headerLength).order(ByteOrder.LITTLE_ENDIAN);
      front.putLong(headerLength).put(header);
      while (front.hasRemaining()) {
        front.put((byte) ' ');
      }
      front.flip();
      long at = 0;
      while (front.hasRemaining()) {
        at += channel.write(front, at);
      }
    });
  }

  private static byte[] header(String stateJson, Map<String, Object> table, String checksum) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(CheckpointFile.KEY_FORMAT, CheckpointFile.FORMAT);
    metadata.put(CheckpointFile.KEY_VERSION, Integer.toString(CheckpointFile.FORMAT_VERSION));
    metadata.put(CheckpointFile.KEY_STATE, stateJson);
    metadata.put(CheckpointFile.KEY_CHECKSUM, checksum);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("__metadata__", metadata);
    header.putAll(table);
    return Json.write(header).getBytes(StandardCharsets.UTF_8);
  }
}
