package dev.anneal.metrics;

import dev.anneal.io.AtomicFiles;
import dev.anneal.io.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metric rows as one CSV table, as Lightning's {@code CSVLogger} writes {@code metrics.csv}: the
 * columns are every name seen, in first-seen order; a row leaves the columns it lacks empty.
 * Because a later row can add a column, {@link #flush} rewrites the whole file atomically (a
 * reader sees the previous table or the new one). {@link MetricLog} flushes at every epoch end and
 * when closed.
 */
public final class CsvFile implements MetricSink {
  private final Path file;
  private final Set<String> columns = new LinkedHashSet<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private int flushedRows = -1;

  /**
   * A table that {@link #flush} writes to {@code file}.
   *
   * @param file the CSV file, replaced at each flush
   */
  public CsvFile(Path file) {
    this.file = file;
  }

  @Override
  public void write(Map<String, Object> row) {
    columns.addAll(row.keySet());
    rows.add(new LinkedHashMap<>(row));
  }

  @Override
  public void flush() throws IOException {
    if (flushedRows == rows.size()) {
      return;
    }
    AtomicFiles.write(file, Csv.write(columns, rows).getBytes(StandardCharsets.UTF_8));
    flushedRows = rows.size();
  }

  /**
   * The file the table goes to.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  /**
   * The rows of a CSV file with a header, as strings by column name (empty cells left out).
   *
   * @param file a CSV file in UTF-8 with a header line
   * @return the rows, in order
   * @throws IOException when the file cannot be read
   */
  public static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = Csv.read(Files.readString(file, StandardCharsets.UTF_8));
    rows.forEach(row -> row.values().removeIf(String::isEmpty));
    return rows;
  }
}
