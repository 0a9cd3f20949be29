package dev.anneal.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV of the metric logs and the plan previews (RFC 4180): a header line, then one line per
 * row, cells separated by commas, a cell quoted when it holds a comma, a quote, a line break or
 * leading or trailing spaces, quotes inside doubled, lines ended by {@code \n}. Written here rather
 * than with a CSV library so that the runtime needs none.
 */
public final class Csv {
  private Csv() {}

  /**
   * The rows as a table with a header.
   *
   * @param columns the header, in order
   * @param rows cells by column name; a column a row lacks (or holds {@code null} for) stays empty,
   *     other cells are written as {@link String#valueOf(Object)} writes them
   * @return the table, each line ended by {@code \n}
   */
  public static String write(Collection<String> columns, List<? extends Map<String, ?>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, new ArrayList<>(columns));
    List<Object> cells = new ArrayList<>(columns.size());
    for (Map<String, ?> row : rows) {
      cells.clear();
      for (String column : columns) {
        cells.add(row.get(column));
      }
      line(out, cells);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object cell = cells.get(i);
      if (cell != null) {
        cell(out, String.valueOf(cell));
      }
    }
    out.append('\n');
  }

  private static void cell(StringBuilder out, String value) {
    boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /**
   * The rows of a table with a header, as {@link #write} writes it (and as other writers of RFC 4180
   * do: {@code \r\n} line ends, quoted cells with line breaks).
   *
   * @param text the table
   * @return each row's cells by column name, in the header's order, empty cells included as {@code ""};
   *     a row shorter than the header lacks the last columns, and blank lines are skipped
   * @throws IllegalArgumentException when a quoted cell is not closed or a row has more cells than the header
   */
  public static List<Map<String, String>> read(String text) {
    List<List<String>> lines = parse(text);
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> header = lines.get(0);
    for (int n = 1; n < lines.size(); n++) {
      List<String> cells = lines.get(n);
      if (cells.size() > header.size()) {
        throw new IllegalArgumentException("CSV row " + n + " has " + cells.size() + " cells, the header "
            + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        row.put(header.get(i), cells.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> parse(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean lineHasContent = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c != '"') {
          cell.append(c);
        } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
        lineHasContent = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        lineHasContent = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (lineHasContent || cell.length() > 0) {
          cells.add(cell.toString());
          lines.add(cells);
        }
        cells = new ArrayList<>();
        cell.setLength(0);
        lineHasContent = false;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("CSV ends inside a quoted cell");
    }
    if (lineHasContent || cell.length() > 0) {
      cells.add(cell.toString());
      lines.add(cells);
    }
    return lines;
  }
}
