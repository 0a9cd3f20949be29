package dev.anneal.djl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Losses section lists the losses this module implements: its table (written from
 * the descriptors and kept equal to them by {@code vocabulary/…/ReadmeTablesTest}) is there, holds
 * one row per loss {@link Losses} builds, in order, and each row's arguments are that loss's
 * descriptor's, every one of them.
 */
class LossesReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern TABLE = Pattern.compile("(?s)<!-- anneal:table losses -->\\n(.*?)<!-- /anneal:table -->");
  private static final Pattern ROW = Pattern.compile("\\| `(\\w+)` \\| torch\\.nn\\.(\\w+) \\| (.*) \\|");

  @Test
  void theLossesTableHasARowPerImplementedLossWithEveryArgument() throws IOException {
    Matcher table = TABLE.matcher(Files.readString(README));
    assertTrue(table.find(), "README.md has no losses table (<!-- anneal:table losses --> ... <!-- /anneal:table -->)");
    List<String> listed = new ArrayList<>();
    for (String line : table.group(1).lines().skip(2).toList()) {
      Matcher row = ROW.matcher(line);
      assertTrue(row.matches(), "not a loss row: " + line);
      assertEquals(row.group(1), row.group(2), line);
      listed.add(row.group(1));
      Descriptor descriptor = Vocabulary.builtIns().require(Category.LOSS, row.group(1));
      for (var argument : descriptor.arguments()) {
        assertTrue(row.group(3).contains("`" + argument.name() + "="), row.group(1) + "'s row lacks " + argument.name() + ": " + line);
      }
    }
    assertEquals(Losses.names(), listed);
  }
}
