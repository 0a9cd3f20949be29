package dev.anneal.metrics;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.anneal.io.AtomicFiles;
import java.io.IOException;
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
  private static final CsvMapper CSV = new CsvMapper();
  private final Path file;
  private final Set<String> columns = new LinkedHashSet<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private int flushedRows = -1;

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
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    byte[] bytes = CSV.writer(schema.build()).writeValueAsBytes(rows);
    AtomicFiles.write(file, bytes);
    flushedRows = rows.size();
  }

  public Path file() {
    return file;
  }

  /** The rows of a CSV file with a header, as strings by column name (empty cells left out). */
  public static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      while (it.hasNext()) {
        Map<String, String> row = new LinkedHashMap<>(it.next());
        row.values().removeIf(String::isEmpty);
        rows.add(row);
      }
    }
    return rows;
  }
}
