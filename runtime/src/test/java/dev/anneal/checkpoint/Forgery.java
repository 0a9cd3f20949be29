package dev.anneal.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Rewrites a checkpoint as a forger would: the header's tensor table or the JSON state changed and
 * the checksum computed again, so that only the reader's own checks stand between the file and a
 * plan. The data bytes are kept.
 */
final class Forgery {
  private Forgery() {}

  /** The checkpoint's header: {@code __metadata__} and the tensor table. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> header(byte[] file) throws IOException {
    long length = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    return Json.readObject(new String(file, 8, (int) length, StandardCharsets.UTF_8).strip());
  }

  static byte[] data(byte[] file) {
    long length = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    return Arrays.copyOfRange(file, (int) (8 + length), file.length);
  }

  /** Changes the state and the table as {@code edit} says, then writes the file with a matching checksum. */
  @SuppressWarnings("unchecked")
  static void forge(Path file, Consumer<Map<String, Object>> editState, Consumer<Map<String, Object>> editTable)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Map<String, Object> header = header(bytes);
    Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) header.remove("__metadata__"));
    Map<String, Object> state = Json.readObject((String) metadata.get(CheckpointFile.KEY_STATE));
    editState.accept(state);
    editTable.accept(header);
    write(file, metadata, Json.write(state), header, data(bytes));
  }

  /** Writes a checkpoint of this table, state and data, with the checksum they give (if the table can be summed). */
  static void write(Path file, Map<String, Object> metadata, String stateJson, Map<String, Object> table, byte[] data)
      throws IOException {
    String sum;
    try {
      CRC32C crc = new CRC32C();
      CheckpointFile.checksumHeader(crc, stateJson, table);
      crc.update(data);
      sum = Long.toHexString(crc.getValue());
    } catch (RuntimeException unsummable) {
      sum = "0"; // a table the checksum cannot read: the reader refuses it before the checksum
    }
    Map<String, Object> meta = new LinkedHashMap<>(metadata);
    meta.put(CheckpointFile.KEY_STATE, stateJson);
    meta.put(CheckpointFile.KEY_CHECKSUM, sum);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("__metadata__", meta);
    header.putAll(table);
    writeRaw(file, Json.write(header).getBytes(StandardCharsets.UTF_8), data);
  }

  static void writeRaw(Path file, byte[] header, byte[] data) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(header.length).put(header).put(data);
    Files.write(file, out.array());
  }
}
