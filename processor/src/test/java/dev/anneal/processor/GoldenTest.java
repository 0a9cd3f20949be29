package dev.anneal.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden generated sources for representative models, compared as text (layout matters: the
 * generated class is meant to be read). Run with {@code -Danneal.golden.rewrite=true} to rewrite
 * them after an intended change, then review the diff.
 */
class GoldenTest {
  private static final Path ROOT = Paths.get(System.getProperty("anneal.golden.root", "src/test/resources/golden"));
  private static final boolean REWRITE = Boolean.getBoolean("anneal.golden.rewrite");

  @ParameterizedTest
  @ValueSource(strings = {"FashionClassifier", "TinyMlp", "PlateauNet", "LambdaNet", "YoloSpp", "StepRecipes"})
  void generatedSourceMatchesGolden(String model) throws IOException {
    JavaFileObject source = JavaFileObjects.forResource("models/test/" + model + ".java");
    AnnealProcessor processor = new AnnealProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).withOptions("-Xlint:all,-processing", "-Werror")
        .compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    // the processor javac actually ran generated this class
    assertThat(processor.generated()).containsExactly("test." + model + "Training");

    String generated = read(compilation.generatedSourceFile("test." + model + "Training").orElseThrow());
    String preview = read(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", model + "Training.preview.txt")
        .orElseThrow());
    check(ROOT.resolve(model + "Training.java"), generated);
    check(ROOT.resolve(model + "Training.preview.txt"), preview);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FashionClassifier", "TinyMlp", "PlateauNet", "LambdaNet", "YoloSpp", "StepRecipes"})
  void generatedSourceCompilesAloneUnderAllLintsAsErrors(String model) throws IOException {
    // Without the processor, every lint category applies (also "processing", which only reports
    // unclaimed annotations when a processor runs: this processor never claims them).
    JavaFileObject source = JavaFileObjects.forResource("models/test/" + model + ".java");
    Compilation processed = Compiler.javac().withProcessors(new AnnealProcessor()).compile(source);
    JavaFileObject generated = processed.generatedSourceFile("test." + model + "Training").orElseThrow();
    Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(source, generated);
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static String read(JavaFileObject file) throws IOException {
    return file.getCharContent(true).toString();
  }

  private static void check(Path golden, String actual) throws IOException {
    if (REWRITE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    Optional<String> expected = Files.exists(golden) ? Optional.of(Files.readString(golden)) : Optional.empty();
    assertWithMessage("golden file %s is missing; run with -Danneal.golden.rewrite=true", golden)
        .that(expected.isPresent()).isTrue();
    assertWithMessage("generated text differs from %s (rewrite with -Danneal.golden.rewrite=true and review the diff)", golden)
        .that(actual).isEqualTo(expected.get());
  }
}
