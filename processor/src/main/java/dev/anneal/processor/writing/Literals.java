package dev.anneal.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.FunctionRef;
import dev.anneal.processor.model.Value;
import java.util.List;

/**
 * Java source for keyword-argument values. The type of a literal matters: values are passed as
 * {@code Object}, so a double must stay a double literal ({@code 5.0}, not {@code 5}).
 */
final class Literals {
  private Literals() {}

  static final String STEPS_PER_EPOCH = "stepsPerEpoch";

  static CodeBlock of(Value value, int stepsPerEpoch) {
    if (value instanceof Value.Real real) {
      return CodeBlock.of("$L", number(real.value()));
    }
    if (value instanceof Value.Whole whole) {
      return CodeBlock.of("$L", whole(whole.value()));
    }
    if (value instanceof Value.Flag flag) {
      return CodeBlock.of("$L", flag.value());
    }
    if (value instanceof Value.Word word) {
      return string(word.value());
    }
    if (value instanceof Value.Reals reals) {
      return list(reals.values().stream().map(d -> CodeBlock.of("$L", number(d))).toList());
    }
    if (value instanceof Value.Wholes wholes) {
      return list(wholes.values().stream().map(n -> CodeBlock.of("$L", whole(n))).toList());
    }
    if (value instanceof Value.Tensor tensor) {
      return rows(tensor.rows());
    }
    if (value instanceof Count count) {
      return count(count, stepsPerEpoch);
    }
    if (value instanceof FunctionRef ref) {
      return CodeBlock.of("new $T()", com.palantir.javapoet.ClassName.get(ref.type()));
    }
    return CodeBlock.of("null");
  }

  /** Nested rows as nested {@code List.of(...)} of double literals. */
  private static CodeBlock rows(Object level) {
    if (level instanceof List<?> list) {
      return list(list.stream().map(Literals::rows).toList());
    }
    return CodeBlock.of("$L", number(((Number) level).doubleValue()));
  }

  /**
   * A string literal that survives whatever a user put in an annotation: everything outside
   * printable ASCII is a Unicode escape. JavaPoet's {@code $S} leaves U+2028 and U+2029 as they
   * are, and then breaks the line at them, which leaves the literal unclosed.
   */
  static CodeBlock string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return CodeBlock.of("$L", out.append('"').toString());
  }

  /**
   * Text from annotations as it may appear in generated Javadoc: a line separator becomes a space,
   * and {@code *}{@code /} cannot end the comment early (Unicode escapes would not help there:
   * javac reads them before it sees the comment).
   */
  static String doc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        out.append(' ');
      } else if (c == '/' && i > 0 && text.charAt(i - 1) == '*') {
        out.append("&#47;");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static CodeBlock list(List<CodeBlock> items) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < items.size(); i++) {
      code.add(i == 0 ? "$L" : ", $L", items.get(i));
    }
    return code.add(")").build();
  }

  /** A whole number as an int literal when it fits (the runtime reads both). */
  private static String whole(long value) {
    return value == (int) value ? Long.toString(value) : value + "L";
  }

  /** A step count: folded when the steps per epoch are known, else an expression over the method's argument. */
  static CodeBlock count(Count count, int stepsPerEpoch) {
    if (count.perEpoch() == 0 || stepsPerEpoch > 0) {
      return CodeBlock.of("$L", count.evaluate(stepsPerEpoch).getAsLong());
    }
    String head = count.perEpoch() == 1 ? STEPS_PER_EPOCH : count.perEpoch() + " * " + STEPS_PER_EPOCH;
    if (count.constant() == 0) {
      return CodeBlock.of("$L", head);
    }
    return CodeBlock.of("$L $L $L", head, count.constant() > 0 ? "+" : "-", Math.abs(count.constant()));
  }

  /** A double as a user would write it: 0.001 becomes {@code 0.001}, 1e-6 becomes {@code 1.0E-6}. */
  static String number(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(value);
  }
}
