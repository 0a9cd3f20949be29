package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 25's processor fuzz, small and seeded: models with hostile strings in {@code @Group} and
 * {@code @Kwarg}, inherited fields (readable, private, behind an accessor, hidden), a second model
 * in the same file, and milestones in any order. Each must compile with the processor into either
 * our own keyed errors (never an internal error, never an error in generated code, never javac's
 * auxiliaryclass warning) or generated code that compiles and holds every declared group name and
 * every inherited field.
 */
class ProcessorFuzzTest {
  private static final long SEED = 25_005;
  private static final int CASES = 25;
  private static final String[] NAMES = {"stem", "a\u2028b", "quote\"d", "back\\slash", "end*/comment", "dollar$", "tab\tx",
      "\u00e9t\u00e9", "para\u2029graph", "nul\u0000", "emoji\ud83d\ude00", "u\\u0041"};
  private static final String[] KWARG_VALUES = {"0.5", "(" .repeat(40) + ")".repeat(40), "1".repeat(5000) + "x", "'a\u2028b'",
      "(0.9, 0.99)", "[1, 2]", "None", "\\\"x\\\""};

  private record Case(List<JavaFileObject> sources, List<String> groups, List<String> inherited, String text) {}

  @Test
  void hostileModelsGiveKeyedErrorsOrCodeThatCompilesAndIsRight() {
    Random random = new Random(SEED);
    int errors = 0;
    int right = 0;
    List<String> faults = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Case c = generate(random);
      Compilation compilation;
      try {
        compilation = Compiler.javac().withProcessors(new AnnealProcessor()).withOptions("-Xlint:all").compile(c.sources);
      } catch (RuntimeException e) {
        faults.add("threw " + e + " on\n" + c.text);
        continue;
      }
      List<String> messages = compilation.diagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
          .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ": ") + d.getMessage(Locale.ROOT)).toList();
      boolean internal = messages.stream().anyMatch(m -> m.contains("anneal:internal-error"));
      boolean inGenerated = messages.stream().anyMatch(m -> m.contains("Training.java: "));
      boolean auxiliary = messages.stream().anyMatch(m -> m.contains("auxiliary class"));
      if (internal || inGenerated || auxiliary) {
        faults.add("foreign " + messages + " on\n" + c.text);
      } else if (compilation.status() == Compilation.Status.FAILURE) {
        boolean keyed = compilation.errors().stream().allMatch(d -> d.getMessage(Locale.ROOT).contains("[anneal:"));
        if (keyed) {
          errors++;
        } else {
          faults.add("an error not ours " + messages + " on\n" + c.text);
        }
      } else {
        String generated = source(compilation, "test.MTraining");
        boolean complete = c.groups.stream().allMatch(g -> generated.contains(".group(" + literal(g) + ","))
            && c.inherited.stream().allMatch(f -> generated.contains("model." + f));
        if (complete) {
          right++;
        } else {
          faults.add("silent wrong: generated\n" + generated + "\non\n" + c.text);
        }
      }
    }
    System.out.printf("FUZZ processor models: %d cases: %d refused with keyed errors, %d compiled and right, %d faults%n", CASES,
        errors, right, faults.size());
    assertEquals(List.of(), faults);
  }

  private static Case generate(Random random) {
    List<String> groups = new ArrayList<>();
    List<String> inherited = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int f = 0, fields = 1 + random.nextInt(3); f < fields; f++) {
      String group = NAMES[random.nextInt(NAMES.length)];
      if (!groups.contains(group)) {
        groups.add(group);
        body.append("  @Group(").append(literal(group)).append(") Layer f").append(f).append(" = new Layer(\"f\");\n");
      }
    }
    String base = "";
    String extendsClause = "";
    if (random.nextBoolean()) {
      extendsClause = " extends Base";
      String[] kinds = {"Layer backbone = new Layer(\"b\");", "private Layer backbone = new Layer(\"b\");",
          "private Layer backbone = new Layer(\"b\");\n  Layer backbone() { return backbone; }", "Layer f0 = new Layer(\"b\");"};
      int kind = random.nextInt(kinds.length);
      base = "class Base {\n  " + kinds[kind] + "\n}\n";
      if (kind == 0) {
        inherited.add("backbone");
      }
    }
    String classAnnotations = "@Training(epochs = 10)\n@Optimizer(type = OptimizerType.ADAM, lr = 0.001)\n";
    if (random.nextBoolean()) {
      int a = random.nextInt(15);
      int b = random.nextInt(15);
      classAnnotations += "@Schedule(type = ScheduleType.MULTI_STEP, milestones = {" + a + ", " + b + "}";
      if (random.nextBoolean()) {
        String value = KWARG_VALUES[random.nextInt(KWARG_VALUES.length)];
        classAnnotations += ", kwargs = @Kwarg(name = \"gamma\", value = " + literal(value) + ")";
      }
      classAnnotations += ")\n";
    }
    String second = random.nextInt(4) == 0 ? "\n" + classAnnotations + "class N { Layer n = new Layer(\"n\"); }\n" : "";
    String text = "package test;\n\n" + Models.IMPORTS + classAnnotations + "class M" + extendsClause + " {\n" + body + "}\n" + second;
    List<JavaFileObject> sources = new ArrayList<>(List.of(JavaFileObjects.forSourceString("test.M", text)));
    if (!base.isEmpty()) {
      sources.add(JavaFileObjects.forSourceString("test.Base", "package test;\n\n" + Models.IMPORTS + base));
    }
    return new Case(sources, groups, inherited, text + base);
  }

  /** The Java literal of a string, every character outside printable ASCII as a Unicode escape. */
  private static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }

  private static String source(Compilation compilation, String name) {
    try {
      return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
