package dev.anneal.samples.custom;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.processor.AnnealProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor validates a user's own optimizer from its registered descriptor: found through
 * the service file AutoService wrote into this module's classes, a misspelled argument of
 * {@code LayerwiseAdam} is a compile error on the attribute, with the did-you-mean, and so is a
 * value outside its range; the correct spelling compiles.
 */
class CustomOptimizerCompileTest {

  private static JavaFileObject model(String optimizer) {
    return JavaFileObjects.forSourceLines("test.Fit",
        "package test;",
        "",
        "import dev.anneal.annotations.*;",
        "import dev.anneal.param.Layer;",
        "",
        "@Training(epochs = 3, stepsPerEpoch = 4)",
        optimizer,
        "public final class Fit {",
        "  final Layer linear = new Layer(\"linear\");",
        "}");
  }

  private static Compilation compile(JavaFileObject source) {
    return javac().withProcessors(new AnnealProcessor()).compile(source);
  }

  @Test
  void misspelledArgumentIsACompileError() {
    JavaFileObject source = model("@Optimizer(custom = \"LayerwiseAdam\", lr = 0.05,\n"
        + "    kwargs = @Kwarg(name = \"trust_coeficient\", value = \"0.5\"))");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("LayerwiseAdam has no argument \"trust_coeficient\" (did you mean trust_coefficient?)")
        .inFile(source).onLineContaining("trust_coeficient");
  }

  @Test
  void valueOutsideTheDescriptorsRangeIsACompileError() {
    JavaFileObject source = model("@Optimizer(custom = \"LayerwiseAdam\", lr = 0.05,\n"
        + "    kwargs = @Kwarg(name = \"trust_coefficient\", value = \"-1\"))");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("trust_coefficient").inFile(source).onLineContaining("trust_coefficient");
  }

  @Test
  void correctSpellingCompiles() {
    JavaFileObject source = model("@Optimizer(custom = \"LayerwiseAdam\", lr = 0.05,\n"
        + "    kwargs = @Kwarg(name = \"trust_coefficient\", value = \"0.5\"))");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.FitTraining").contentsAsUtf8String().contains("LayerwiseAdam");
  }
}
