package dev.anneal.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.anneal.processor.model.Count;
import java.util.List;

/**
 * Java source for keyword-argument values. The type of a literal matters: values are passed as
 * {@code Object}, so a double must stay a double literal ({@code 5.0}, not {@code 5}).
 */
final class Literals {
  private Literals() {}

  static final String STEPS_PER_EPOCH = "stepsPerEpoch";

  static CodeBlock of(Object value, int stepsPerEpoch) {
    if (value instanceof Double d) {
      return CodeBlock.of("$L", number(d));
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      return CodeBlock.of("$L", value);
    }
    if (value instanceof String s) {
      return CodeBlock.of("$S", s);
    }
    if (value instanceof Count count) {
      return count(count, stepsPerEpoch);
    }
    if (value instanceof List<?> list) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.of(", List.class);
      for (int i = 0; i < list.size(); i++) {
        code.add(i == 0 ? "$L" : ", $L", of(list.get(i), stepsPerEpoch));
      }
      return code.add(")").build();
    }
    throw new IllegalArgumentException("no literal for " + value);
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
