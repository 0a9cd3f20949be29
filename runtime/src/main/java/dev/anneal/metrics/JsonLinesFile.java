package dev.anneal.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metric rows as JSON lines, one object per line, appended: a resumed run continues the same file.
 * Each line goes to the file in one append, so a crash leaves at most a torn last line, which
 * {@link #read} skips; NaN and infinities are written as the strings {@code "NaN"}, {@code "Infinity"}.
 */
public final class JsonLinesFile implements MetricSink {
  private static final ObjectMapper JSON = new ObjectMapper();  // writes NaN and infinities as strings by default
  private final Path file;
  private final FileChannel channel;

  /** Opens {@code file} for appending, creating it and its folders when missing. */
  public JsonLinesFile(Path file) throws IOException {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  @Override
  public void write(Map<String, Object> row) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      channel.write(line);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  public Path file() {
    return file;
  }

  /** The rows of a JSON lines file; a last line cut short by a crash is left out. */
  public static List<Map<String, Object>> read(Path file) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      boolean last = i == lines.length - 1;  // no newline after it: the write did not finish
      if (last) {
        break;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> row = JSON.readValue(lines[i], Map.class);
      rows.add(row);
    }
    return rows;
  }
}
