package dev.anneal.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's optimizer, scheduler (and loss) tables are what {@link ReadmeTables} writes from the
 * descriptors today: a changed name, default or range of use fails here until the README is
 * rewritten, {@code mvn -pl vocabulary test -Dtest=ReadmeTablesTest -Danneal.regenerate=true}.
 */
class ReadmeTablesTest {
  private static final Path README = Path.of("../README.md");

  @Test
  void readmeTablesAreTheDescriptors() throws IOException {
    String readme = Files.readString(README);
    String expected = ReadmeTables.rewrite(readme, Vocabulary.builtIns());
    if (Boolean.getBoolean("anneal.regenerate") && !expected.equals(readme)) {
      Path tmp = README.resolveSibling("README.md.tmp");
      Files.writeString(tmp, expected);
      Files.move(tmp, README, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      readme = expected;
    }
    List<Category> marked = ReadmeTables.marked(readme);
    assertTrue(marked.contains(Category.OPTIMIZER) && marked.contains(Category.SCHEDULER),
        "README marks the optimizer and scheduler tables (<!-- anneal:table optimizers --> ... <!-- /anneal:table -->), has " + marked);
    assertEquals(expected, readme, "README's descriptor tables are stale: rerun with -Danneal.regenerate=true");
  }

  @Test
  void everyDescriptorHasARowWithItsDefaults() {
    String optimizers = ReadmeTables.table(Vocabulary.builtIns(), Category.OPTIMIZER);
    assertTrue(optimizers.contains("| `AdamW` | torch.optim.AdamW | `lr=0.001`, `betas=(0.9, 0.999)`, `eps=1e-08`, `weight_decay=0.01`"),
        optimizers);
    assertTrue(optimizers.contains("| `SparseAdam` | torch.optim.SparseAdam | refused: "), optimizers);
    String schedulers = ReadmeTables.table(Vocabulary.builtIns(), Category.SCHEDULER);
    assertTrue(schedulers.contains("| `CosineAnnealingLR` | torch.optim.lr_scheduler.CosineAnnealingLR | `T_max` (from the training's length), "
        + "`eta_min=0.0` | per epoch | yes |"), schedulers);
    for (Category category : List.of(Category.OPTIMIZER, Category.SCHEDULER, Category.LOSS)) {
      String table = ReadmeTables.table(Vocabulary.builtIns(), category);
      assertEquals(Vocabulary.builtIns().all(category).size() + 2, table.lines().count(), table);
    }
  }

  @Test
  void floatsAsPythonWritesThem() {
    assertEquals("1e-08", ReadmeTables.pythonFloat(1e-8));
    assertEquals("0.001", ReadmeTables.pythonFloat(1e-3));
    assertEquals("0.0001", ReadmeTables.pythonFloat(1e-4));
    assertEquals("1e-05", ReadmeTables.pythonFloat(1e-5));
    assertEquals("1e-06", ReadmeTables.pythonFloat(1e-6));
    assertEquals("1.0", ReadmeTables.pythonFloat(1));
    assertEquals("100000.0", ReadmeTables.pythonFloat(1e5));
    assertEquals("1e+16", ReadmeTables.pythonFloat(1e16));
    assertEquals("-2.5e-07", ReadmeTables.pythonFloat(-2.5e-7));
  }
}
