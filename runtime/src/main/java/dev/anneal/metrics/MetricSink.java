package dev.anneal.metrics;

import java.io.IOException;
import java.util.Map;

/** Where a {@link MetricLog} writes its rows: one map of metric name to value per row. */
public interface MetricSink extends AutoCloseable {

  /**
   * Takes one row.
   *
   * @param row metric values by name (a step's or an epoch's)
   * @throws IOException when the row cannot be written
   */
  void write(Map<String, Object> row) throws IOException;

  /**
   * Makes every row written so far readable in the file.
   *
   * @throws IOException when the file cannot be written
   */
  default void flush() throws IOException {}

  @Override
  default void close() throws IOException {
    flush();
  }
}
