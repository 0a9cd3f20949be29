package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.LossModel;
import dev.anneal.processor.model.Value;
import dev.anneal.processor.validation.Names;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code loss()} of {@code <Model>Training}: the loss {@code @Loss} declares, built with the
 * loss's typed builder ({@code CrossEntropyLoss.builder().labelSmoothing(0.1).build()}), one setter
 * per argument written, named by the descriptor's Java name; a registered loss by its name and
 * PyTorch-named arguments ({@code Losses.create(Spec.of("FocalLoss").with("gamma", 2.0))}).
 */
final class LossWriter {
  private static final ClassName REDUCTION = ClassName.get(Names.LOSS_PACKAGE, "Reduction");
  private static final ClassName TORCH_LOSS = ClassName.get(Names.LOSS_PACKAGE, "TorchLoss");
  private static final ClassName LOSSES = ClassName.get(Names.LOSS_PACKAGE, "Losses");

  private LossWriter() {}

  static MethodSpec method(LossModel loss) {
    boolean builtIn = Vocabulary.builtIns().find(Category.LOSS, loss.descriptor().name()).orElse(null) == loss.descriptor();
    ClassName type = builtIn ? ClassName.get(Names.LOSS_PACKAGE, loss.descriptor().name()) : TORCH_LOSS;
    MethodSpec.Builder method = MethodSpec.methodBuilder("loss")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addJavadoc("The training loss declared by {@code @Loss}: $L {@code $L($L)}.\n", builtIn ? "PyTorch's" : "the registered",
            Literals.doc(loss.descriptor().origin()), Literals.doc(pythonCall(loss)));
    if (!builtIn) {
      return method.addStatement("return $T.create($L)", LOSSES, TypedCalls.of(loss.descriptor(), loss.kwargs(), 0)).build();
    }
    if (loss.kwargs().isEmpty()) {
      return method.addStatement("return new $T()", type).build();
    }
    if (loss.kwargs().values().stream().anyMatch(arg -> arg.value() instanceof Value.Tensor t && t.shape().size() > 2)) {
      // a tensor of three or more dimensions (a per-channel weight (C, 1, 1)): the builders take up to float[][]
      return method.addStatement("return ($T) $T.create($L)", type, LOSSES, TypedCalls.of(loss.descriptor(), loss.kwargs(), 0)).build();
    }
    CodeBlock.Builder code = CodeBlock.builder().add("return $T.builder()\n$>$>", type);
    for (Map.Entry<String, Arg> kwarg : loss.kwargs().entrySet()) {
      Argument argument = loss.descriptor().argument(kwarg.getKey()).orElseThrow();
      code.add(".$L($L)\n", argument.javaName(), literal(argument, kwarg.getValue().value()));
    }
    return method.addCode(code.add(".build();\n$<$<").build()).build();
  }

  private static CodeBlock literal(Argument argument, Value value) {
    if (argument.name().equals("reduction") && value instanceof Value.Word word) {
      return CodeBlock.of("$T.$L", REDUCTION, word.value().toUpperCase(Locale.ROOT));
    }
    if (value instanceof Value.Tensor tensor) {
      // a 2-D weight or pos_weight: the builders take float[][]
      List<String> rows = new ArrayList<>();
      for (Object row : tensor.rows()) {
        rows.add("{" + String.join(", ", ((List<?>) row).stream().map(n -> ((Number) n).floatValue() + "f").toList()) + "}");
      }
      return CodeBlock.of("new float[][] {$L}", String.join(", ", rows));
    }
    List<Double> numbers = numbers(value);
    if (numbers != null) {
      // weight, pos_weight: the builders take float varargs, as the engine's float32 tensors hold them
      List<String> floats = new ArrayList<>();
      numbers.forEach(n -> floats.add(Float.toString(n.floatValue()) + "f"));
      return CodeBlock.of("$L", String.join(", ", floats));
    }
    return Literals.of(value, 0);
  }

  private static List<Double> numbers(Value value) {
    if (value instanceof Value.Reals reals) {
      return reals.values();
    }
    if (value instanceof Value.Wholes wholes) {
      return wholes.values().stream().map(Long::doubleValue).toList();
    }
    return null;
  }

  /** {@code label_smoothing=0.1, reduction='sum'}: the declaration as a PyTorch user writes it. */
  private static String pythonCall(LossModel loss) {
    List<String> parts = new ArrayList<>();
    loss.kwargs().forEach((name, arg) -> parts.add(name + "=" + python(arg.value())));
    return String.join(", ", parts);
  }

  private static String python(Value value) {
    if (value instanceof Value.Flag flag) {
      return flag.value() ? "True" : "False";
    }
    if (value instanceof Value.Word word) {
      return "'" + word.value() + "'";
    }
    List<Double> numbers = numbers(value);
    if (numbers != null) {
      return "[" + String.join(", ", numbers.stream().map(Value::showNumber).toList()) + "]";
    }
    return value.show();
  }
}
