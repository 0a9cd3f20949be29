package dev.anneal.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

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

  static Compilation compileStrict(AnnealProcessor processor, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(processor).withOptions("-Xlint:all", "-Werror").compile(sources);
  }
}
