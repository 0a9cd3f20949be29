package dev.anneal.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Streams a checkpoint to disk in the {@link CheckpointFile} layout without assembling it in
 * memory: the header's size is fixed first (with the widest checksum), the tensors go straight
 * from their storages to their place in the file while the checksum runs over them, then the
 * header is written in front. Atomic: a temporary file next to the target, forced to disk, then
 * renamed over it and the directory forced. Temporary files left by a save that was killed are
 * removed by the next save of the same file.
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

    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    String prefix = "." + absolute.getFileName() + ".";
    removeAbandonedTemporaries(dir, prefix);
    Path temp = Files.createTempFile(dir, prefix + ProcessHandle.current().pid() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        CRC32C crc = new CRC32C();
        CheckpointFile.checksumHeader(crc, stateJson, table);
        TensorIo io = new TensorIo(channel, crc);
        long position = dataStart;
        for (TensorRef t : tensors.values()) {
          position = io.write(t.values(), position);
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
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
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

  /**
   * Deletes {@code .<name>.<pid>.<random>.tmp} files whose writing process is gone: what a save
   * killed half-way leaves. A save still running in another live process keeps its file.
   */
  private static void removeAbandonedTemporaries(Path dir, String prefix) throws IOException {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, entry -> {
      String name = entry.getFileName().toString();
      return name.startsWith(prefix) && name.endsWith(".tmp");
    })) {
      for (Path temp : stream) {
        String rest = temp.getFileName().toString().substring(prefix.length());
        int dot = rest.indexOf('.');
        long pid = -1;
        try {
          pid = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
          // not one of ours by name: leave it
          continue;
        }
        boolean writerAlive = pid == ProcessHandle.current().pid()
            || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!writerAlive) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  /** Makes the rename durable where the platform can force a directory (Linux, macOS). */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; the rename itself is still atomic there.
    }
  }
}
