package dev.anneal.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * A tiny helper for tests: wraps class annotations and fields in a model class {@code test.M}
 * with the usual imports, and compiles it with the processor under {@code -Xlint:all -Werror}
 * semantics available on request.
 */
final class Models {
  private Models() {}

  static final String IMPORTS = String.join("\n",
      "import dev.anneal.annotations.*;",
      "import dev.anneal.param.*;",
      "import java.util.*;",
      "");

  /** {@code package test; <imports> <annotations> class M { <body> }}. */
  static JavaFileObject model(String annotations, String body) {
    return JavaFileObjects.forSourceString("test.M",
        "package test;\n\n" + IMPORTS + "\n" + annotations + "\nclass M {\n" + body + "\n}\n");
  }

  /** The usual class-level header: 10 epochs of SGD. */
  static final String SGD = "@Training(epochs = 10)\n@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)";

  static final String ADAMW = "@Training(epochs = 10)\n@Optimizer(type = OptimizerType.ADAMW, lr = 0.001)";

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new AnnealProcessor()).withOptions("-Xlint:all").compile(sources);
  }

  /** Under every lint but javac's note on unclaimed annotations (the processor claims none), warnings as errors. */
  static Compilation strict(JavaFileObject source) {
    return Compiler.javac().withProcessors(new AnnealProcessor()).withOptions("-Xlint:all,-processing", "-Werror").compile(source);
  }

  /** The generated {@code test.MTraining}. */
  static String generated(Compilation compilation) throws IOException {
    return compilation.generatedSourceFile("test.MTraining").orElseThrow().getCharContent(true).toString();
  }

  /** The generated {@code test.MTraining} without whitespace, for comparing calls however they are wrapped. */
  static String generatedCompact(Compilation compilation) throws IOException {
    return generated(compilation).replaceAll("\\s+", "");
  }

  /** The compile-time preview written for {@code test.M}. */
  static String preview(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "MTraining.preview.txt")
        .orElseThrow().getCharContent(true).toString();
  }

  static Compilation compileStrict(AnnealProcessor processor, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(processor).withOptions("-Xlint:all", "-Werror").compile(sources);
  }
}
