package dev.anneal.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced {@code java} block of the repository's README.md compiles against the reactor's
 * classes (this module's test classpath: runtime, DJL binding, annotations, reporting) with the
 * Anneal processor running, as its "README snippets" section promises.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");

  @TempDir Path out;

  @Test
  void everyJavaBlockOfTheReadmeCompiles() throws IOException {
    assertTrue(Files.isRegularFile(README), "README.md not found at " + README.toAbsolutePath());
    List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.extract(Files.readString(README));
    assertFalse(snippets.isEmpty(), "README.md has no ```java block");
    List<String> errors = new ArrayList<>();
    for (ReadmeSnippets.Snippet snippet : snippets) {
      errors.addAll(compile(snippet));
    }
    if (!errors.isEmpty()) {
      fail(errors.size() + " error(s) compiling README.md's java blocks (see the README's section \"README snippets\""
          + " for how a block is compiled and how to give it imports and variables):\n" + String.join("\n", errors));
    }
  }

  @Test
  void aBrokenSnippetIsReportedAtItsReadmeLine() throws IOException {
    String markdown = String.join("\n",
        "text",
        "<!-- java",
        "import dev.anneal.optim.Optimizer;",
        "Optimizer optimizer;",
        "-->",
        "```java",
        "optimizer.step();",
        "optimizer.noSuchMethod();",
        "```");
    List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.extract(markdown);
    assertEquals(1, snippets.size());
    List<String> errors = compile(snippets.get(0));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("README.md:8: "), errors.get(0));
  }

  @Test
  void typesAndTheirGeneratedTrainingClassesAreUsableFromTheStatements() throws IOException {
    String markdown = String.join("\n",
        "<!-- java",
        "import dev.anneal.annotations.*;",
        "import dev.anneal.param.Parameter;",
        "-->",
        "```java",
        "@Training(epochs = 2, stepsPerEpoch = 3)",
        "@Optimizer(type = OptimizerType.SGD, lr = 0.1)",
        "public class Tiny {",
        "  final Parameter w = Parameter.zeros(\"w\", 2);   // a brace in a comment: {",
        "  String text = \"}\";",
        "}",
        "",
        "var plan = TinyTraining.plan(new Tiny());",
        "plan.startEpoch();",
        "```");
    List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.extract(markdown);
    assertEquals(List.of(), compile(snippets.get(0)));
  }

  @Test
  void otherFencesAreNotCompiled() {
    String markdown = String.join("\n", "```", "mvn -B verify", "```", "```text", "class X {", "```");
    assertEquals(List.of(), ReadmeSnippets.extract(markdown));
  }

  /** Compiles one snippet (the processor found on the classpath runs); errors as "README.md:line: message". */
  private List<String> compile(ReadmeSnippets.Snippet snippet) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(out.resolve("block" + snippet.number()).resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("block" + snippet.number()).resolve("generated"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source = new SimpleJavaFileObject(
        URI.create("string:///" + snippet.packageName().replace('.', '/') + "/" + snippet.fileName() + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return snippet.source();
      }
    };
    List<String> options = List.of("-classpath", classpath(), "-d", classes.toString(), "-s", generated.toString(),
        "--release", "17", "-implicit:none", "-Xlint:all,-processing");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      boolean inSnippet = d.getSource() != null && d.getSource().toUri().equals(source.toUri());
      int line = inSnippet ? snippet.readmeLine(d.getLineNumber()) : 0;
      String where = line > 0 ? "README.md:" + line : "README.md java block " + snippet.number() + " (fence at line "
          + snippet.fenceLine() + (inSnippet ? ", in the wrapper: " + d.getLineNumber() : "") + ")";
      errors.add(where + ": " + d.getMessage(Locale.ROOT) + (line > 0 ? "" : "\n--- as compiled:\n" + snippet.source()));
    }
    return errors;
  }

  /** The test classpath: Surefire's own property when it runs us through a manifest-only jar. */
  private static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}
