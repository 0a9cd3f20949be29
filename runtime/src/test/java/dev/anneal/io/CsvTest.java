package dev.anneal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void writesAHeaderAndLeavesMissingCellsEmpty() {
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("step", 1L);
    second.put("lr-AdamW", 1e-4);
    second.put("frozen", true);
    String csv = Csv.write(List.of("step", "lr-AdamW", "frozen"), List.of(Map.of("step", 0L), second));
    assertEquals("step,lr-AdamW,frozen\n0,,\n1,1.0E-4,true\n", csv);
  }

  @Test
  void quotesWhatNeedsQuotesAndReadsItBack() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("a", "x,y");
    row.put("b", "say \"hi\"");
    row.put("c", "two\nlines");
    row.put("d", " padded ");
    String csv = Csv.write(List.of("a", "b", "c", "d"), List.of(row));
    assertEquals("a,b,c,d\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \"\n", csv);
    assertEquals(List.of(Map.of("a", "x,y", "b", "say \"hi\"", "c", "two\nlines", "d", " padded ")), Csv.read(csv));
  }

  @Test
  void readsCrLfLinesAndSkipsBlankOnes() {
    assertEquals(List.of(Map.of("x", "1", "y", "")), Csv.read("x,y\r\n1,\r\n\r\n"));
  }

  @Test
  void refusesAnUnclosedQuoteAndTooManyCells() {
    assertThrows(IllegalArgumentException.class, () -> Csv.read("a\n\"open\n"));
    assertThrows(IllegalArgumentException.class, () -> Csv.read("a\n1,2\n"));
  }
}
