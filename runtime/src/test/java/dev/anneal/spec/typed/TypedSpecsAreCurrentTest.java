package dev.anneal.spec.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The typed DSL's sources are what {@link TypedSpecWriter} writes from the descriptors today; a
 * changed descriptor fails here until the sources are rewritten:
 * {@code mvn -pl runtime -am test -Dtest=TypedSpecsAreCurrentTest -Danneal.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TypedSpecsAreCurrentTest {
  private static final Path FOLDER = Path.of("src/main/java/dev/anneal/spec/typed");

  @Test
  void committedSourcesAreTheGeneratedOnes() throws IOException {
    Map<String, String> expected = TypedSpecWriter.sources();
    if (Boolean.getBoolean("anneal.regenerate")) {
      Files.createDirectories(FOLDER);
      try (Stream<Path> old = Files.list(FOLDER)) {
        for (Path p : old.toList()) {
          if (!expected.containsKey(p.getFileName().toString()) && !p.getFileName().toString().equals("package-info.java")) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, String> e : expected.entrySet()) {
        Path tmp = FOLDER.resolve(e.getKey() + ".tmp");
        Files.writeString(tmp, e.getValue());
        Files.move(tmp, FOLDER.resolve(e.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("package-info.java")).forEach(present::add);
    }
    assertEquals(new TreeSet<>(expected.keySet()), present, "generated files in " + FOLDER);
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), Files.readString(FOLDER.resolve(e.getKey())), e.getKey() + " is stale: rerun with -Danneal.regenerate=true");
    }
  }
}
