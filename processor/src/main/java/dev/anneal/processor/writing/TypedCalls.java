package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Kind;
import dev.anneal.vocabulary.Role;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runtime's typed DSL for one optimizer or schedule, as a user writes it by hand:
 * {@code AdamW.spec().lr(0.001).weightDecay(0.05)}, {@code LinearWarmup.spec().warmupSteps(500).then(...)}.
 * Built-in descriptors have a builder in {@code dev.anneal.spec.typed} named by their Java name, with
 * one setter per argument named by the argument's Java name; a registered descriptor (or an
 * argument without a setter, such as the bookkeeping {@code verbose}) is written as a {@code Spec}
 * with PyTorch's names instead.
 */
final class TypedCalls {
  static final String TYPED_PACKAGE = "dev.anneal.spec.typed";
  static final ClassName SPEC = ClassName.get("dev.anneal.spec", "Spec");

  private TypedCalls() {}

  /** Whether {@code descriptor} has a typed builder taking every one of {@code kwargs}. */
  static boolean typed(Descriptor descriptor, Map<String, Arg> kwargs) {
    if (Vocabulary.builtIns().find(descriptor.category(), descriptor.name()).orElse(null) != descriptor) {
      return false;
    }
    for (String name : kwargs.keySet()) {
      Argument argument = descriptor.argument(name).orElse(null);
      if (argument == null || argument.role() == Role.BOOKKEEPING || argument.kind() == Kind.FUNCTION
          || argument.kind() == Kind.TENSOR) {
        return false;
      }
    }
    return true;
  }

  /** {@code Type.spec().a(1).b(2)} or {@code Spec.of("Type").with("a", 1).with("b", 2)}, without children. */
  static CodeBlock of(Descriptor descriptor, Map<String, Arg> kwargs, int spe) {
    return of(descriptor, kwargs, spe, Map.of());
  }

  /** {@link #of(Descriptor, Map, int)} with some arguments written as the expressions {@code given} holds. */
  static CodeBlock of(Descriptor descriptor, Map<String, Arg> kwargs, int spe, Map<String, CodeBlock> given) {
    if (!typed(descriptor, kwargs)) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.of($L)", SPEC, Literals.string(descriptor.name()));
      kwargs.forEach((name, arg) -> code.add(".with($L, $L)", Literals.string(name),
          given.containsKey(name) ? given.get(name) : Literals.of(arg.value(), spe)));
      return code.build();
    }
    ClassName type = builder(descriptor);
    CodeBlock.Builder code = CodeBlock.builder().add("$T.spec()", type);
    kwargs.forEach((name, arg) -> code.add(".$L($L)", descriptor.argument(name).orElseThrow().javaName(),
        given.containsKey(name) ? given.get(name) : arguments(type, descriptor.argument(name).orElseThrow(), arg.value(), spe)));
    return code.build();
  }

  static ClassName builder(Descriptor descriptor) {
    return ClassName.get(TYPED_PACKAGE, descriptor.javaName());
  }

  /** The setter's arguments for a value of the argument's kind. */
  private static CodeBlock arguments(ClassName type, Argument argument, Value value, int spe) {
    if (value instanceof Value.None) {
      return CodeBlock.of("($T) null", switch (argument.kind()) {
        case INT -> ClassName.get(Integer.class);
        case BOOL -> ClassName.get(Boolean.class);
        case STRING, CHOICE -> ClassName.get(String.class);
        default -> ClassName.get(Double.class);
      });
    }
    if (argument.kind() == Kind.CHOICE && value instanceof Value.Word word) {
      return CodeBlock.of("$T.$L", type.nestedClass(enumName(argument)), constant(word.value()));
    }
    if (value instanceof Value.Reals reals && argument.kind() == Kind.DOUBLE_TUPLE) {
      return join(reals.values().stream().map(d -> CodeBlock.of("$L", Literals.number(d))).toList());
    }
    if (value instanceof Value.Wholes wholes && argument.kind() == Kind.INT_LIST) {
      return join(wholes.values().stream().map(n -> CodeBlock.of("$L", n)).toList());
    }
    if (value instanceof Value.Whole whole && argument.kind() == Kind.DOUBLE) {
      return CodeBlock.of("$L", Literals.number(whole.value()));
    }
    if (value instanceof Count count) {
      return Literals.count(count, spe);
    }
    return Literals.of(value, spe);
  }

  private static CodeBlock join(List<CodeBlock> items) {
    List<CodeBlock> all = new ArrayList<>(items);
    return CodeBlock.join(all, ", ");
  }

  /** The typed builder's enum of a choice argument: {@code anneal_strategy} is {@code AnnealStrategy}. */
  private static String enumName(Argument argument) {
    String java = argument.javaName();
    return java.substring(0, 1).toUpperCase(Locale.ROOT) + java.substring(1);
  }

  /** The enum constant of a choice: {@code 'triangular2'} is {@code TRIANGULAR2}, {@code '1-sqrt'} is {@code ONE_MINUS_SQRT}. */
  private static String constant(String choice) {
    String upper = choice.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    return Character.isDigit(upper.charAt(0)) ? "ONE_MINUS_" + upper.substring(2) : upper;
  }
}
