package dev.anneal.spec.typed;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Children;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Kind;
import dev.anneal.vocabulary.Role;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the typed DSL from the built-in descriptors: one builder per optimizer and scheduler with
 * a Java-named, typed setter per argument, and {@code Specs}, the factory of them all. Each setter
 * only names its argument; values are checked by the descriptor ({@code TypedSpec.set}).
 * {@code TypedSpecsAreCurrentTest} compares the committed sources with what this writes
 * ({@code -Danneal.regenerate=true} rewrites them).
 */
final class TypedSpecWriter {
  static final String PACKAGE = "dev.anneal.spec.typed";
  private static final ClassName TYPED_SPEC = ClassName.get("dev.anneal.spec", "TypedSpec");
  private static final ClassName SPEC_SOURCE = ClassName.get("dev.anneal.spec", "SpecSource");
  private static final ClassName CATEGORY = ClassName.get(Category.class);
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  /** Java types of function arguments, which the vocabulary knows only as functions. */
  private static final Map<String, TypeName> FUNCTION_TYPES = Map.of(
      "lr_lambda", ClassName.get("java.util.function", "IntToDoubleFunction"),
      "scale_fn", ClassName.get("java.util.function", "DoubleUnaryOperator"));

  private TypedSpecWriter() {}

  /** File name (relative to the package folder) to source text. */
  static Map<String, String> sources() {
    Map<String, String> out = new LinkedHashMap<>();
    List<Descriptor> all = new ArrayList<>();
    for (Category c : List.of(Category.OPTIMIZER, Category.SCHEDULER)) {
      for (Descriptor d : Vocabulary.builtIns().all(c)) {
        if (d.unsupported().isEmpty()) {
          all.add(d);
        }
      }
    }
    for (Descriptor d : all) {
      out.put(builderName(d) + ".java", file(builder(d)));
    }
    out.put("Specs.java", file(factory(all)));
    return out;
  }

  private static String file(TypeSpec type) {
    return JavaFile.builder(PACKAGE, type).skipJavaLangImports(true).indent("  ").build().toString();
  }

  static String builderName(Descriptor d) {
    return d.javaName();
  }

  private static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", "dev.anneal.spec.typed.TypedSpecWriter").build();
  }

  private static TypeSpec builder(Descriptor d) {
    ClassName self = ClassName.get(PACKAGE, builderName(d));
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(TYPED_SPEC, self))
        .addAnnotation(generated())
        .addJavadoc("{@code $L}: $L.\n", d.origin(), d.summary())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addStatement("super($T.$L, $S)", CATEGORY, d.category().name(), d.name()).build())
        .addMethod(MethodSpec.methodBuilder("spec").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
            .addJavadoc("A {@code $L} with PyTorch's defaults; each setter overrides one.\n\n@return the spec\n", d.name())
            .addStatement("return new $T()", self).build());
    if (d.category() == Category.SCHEDULER) {
      type.addJavadoc("<p>Meant to step per $L.\n", stepping(d));
    }
    for (Argument a : d.arguments()) {
      if (a.role() == Role.BOOKKEEPING) {
        continue;
      }
      if (a.kind() == Kind.CHOICE) {
        type.addType(choiceEnum(a));
      }
      for (MethodSpec m : setters(self, a)) {
        type.addMethod(m);
      }
    }
    if (d.children() == Children.AT_MOST_ONE) {
      type.addMethod(MethodSpec.methodBuilder("then").addModifiers(Modifier.PUBLIC).returns(self)
          .addJavadoc("The schedule that follows, from its own step 0.\n\n@param next the schedule\n@return this spec\n")
          .addParameter(SPEC_SOURCE, "next").addStatement("return children(next)").build());
    } else if (d.children() == Children.AT_LEAST_ONE) {
      type.addMethod(MethodSpec.methodBuilder("schedulers").addModifiers(Modifier.PUBLIC).returns(self).varargs()
          .addJavadoc("The child schedules, in order.\n\n@param schedulers the schedules\n@return this spec\n")
          .addParameter(arrayOf(SPEC_SOURCE), "schedulers")
          .addStatement("return children(schedulers)").build());
    }
    return type.build();
  }

  private static TypeName arrayOf(ClassName c) {
    return com.palantir.javapoet.ArrayTypeName.of(c);
  }

  private static String stepping(Descriptor d) {
    return d.stepping() == null ? "" : d.stepping().name().toLowerCase(Locale.ROOT).replace("metric", "epoch, with the monitored metric")
        .replace("step", "optimizer step");
  }

  private static CodeBlock doc(Argument a) {
    StringBuilder text = new StringBuilder("{@code ").append(a.name()).append("}");
    if (!a.doc().isEmpty()) {
      text.append(": ").append(a.doc());
    }
    if (a.hasDefault()) {
      text.append("; default ").append(a.show(a.defaultValue()));
    } else {
      text.append(switch (a.presence()) {
        case REQUIRED -> "; required";
        case DERIVED_FROM_LENGTH -> "; required (annotations derive it from the training's length)";
        default -> "";
      });
    }
    if (!a.range().isAny()) {
      text.append("; in ").append(a.range());
    }
    if (!a.elementRanges().isEmpty()) {
      text.append("; elements in ").append(a.elementRanges());
    }
    if (a.role() == Role.IMPLEMENTATION) {
      text.append(" (PyTorch's implementation switch: accepted, does not change the numbers)");
    }
    return CodeBlock.of("$L.\n", text.toString().replace("$", "$$"));
  }

  private static List<MethodSpec> setters(ClassName self, Argument a) {
    String java = a.javaName();
    List<MethodSpec> out = new ArrayList<>();
    MethodSpec.Builder m = MethodSpec.methodBuilder(java).addModifiers(Modifier.PUBLIC).returns(self).addJavadoc(doc(a));
    boolean none = a.noneAllowed();
    switch (a.kind()) {
      case DOUBLE -> out.add(m.addParameter(none ? TypeName.DOUBLE.box() : TypeName.DOUBLE, java)
          .addStatement("return set($S, $L)", a.name(), java).build());
      case INT -> out.add(m.addParameter(none ? TypeName.INT.box() : TypeName.INT, java)
          .addStatement("return set($S, $L)", a.name(), java).build());
      case BOOL -> out.add(m.addParameter(none ? TypeName.BOOLEAN.box() : TypeName.BOOLEAN, java)
          .addStatement("return set($S, $L)", a.name(), java).build());
      case STRING -> out.add(m.addParameter(String.class, java).addStatement("return set($S, $L)", a.name(), java).build());
      case CHOICE -> out.add(m.addParameter(ClassName.get("", enumName(a)), java)
          .addStatement(none ? CodeBlock.of("return set($S, $L == null ? null : $L.pytorchName())", a.name(), java, java)
              : CodeBlock.of("return set($S, $L.pytorchName())", a.name(), java)).build());
      case DOUBLE_TUPLE -> {
        TypeName element = a.noneElements() ? TypeName.DOUBLE.box() : TypeName.DOUBLE;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.arity(); i++) {
          String name = List.of("first", "second", "third", "fourth").get(i);
          names.add(name);
          m.addParameter(element, name);
        }
        out.add(m.addStatement("return set($S, $T.asList($L))", a.name(), ARRAYS, String.join(", ", names)).build());
      }
      case INT_LIST -> out.add(m.addParameter(int[].class, java).varargs()
          .addStatement("return set($S, $T.stream($L).boxed().toList())", a.name(), ARRAYS, java).build());
      case DOUBLE_OR_LIST -> {
        out.add(m.addParameter(none ? TypeName.DOUBLE.box() : TypeName.DOUBLE, java).addStatement("return set($S, $L)", a.name(), java)
            .build());
        out.add(MethodSpec.methodBuilder(java).addModifiers(Modifier.PUBLIC).returns(self)
            .addJavadoc("{@code $L}, one value per group.\n", a.name())
            .addParameter(ParameterizedTypeName.get(LIST, TypeName.DOUBLE.box()), "perGroup")
            .addStatement("return set($S, $T.copyOf(perGroup))", a.name(), LIST).build());
      }
      case FUNCTION -> {
        TypeName fn = FUNCTION_TYPES.getOrDefault(a.name(), ClassName.get(Object.class));
        out.add(m.addParameter(fn, java).addStatement("return set($S, $L)", a.name(), java).build());
        if (a.name().equals("lr_lambda")) {
          out.add(MethodSpec.methodBuilder(java).addModifiers(Modifier.PUBLIC).returns(self)
              .addJavadoc("{@code $L}, one function per group.\n", a.name())
              .addParameter(ParameterizedTypeName.get(LIST, fn), "perGroup")
              .addStatement("return set($S, $T.copyOf(perGroup))", a.name(), LIST).build());
        }
      }
      case TENSOR -> out.add(m.addParameter(Object.class, java).addStatement("return set($S, $L)", a.name(), java).build());
      default -> throw new IllegalStateException("no setter for " + a);
    }
    out.replaceAll(setter -> withTags(setter, a));
    return out;
  }

  /** A setter's {@code @param} and {@code @return} tags. */
  private static MethodSpec withTags(MethodSpec setter, Argument a) {
    MethodSpec.Builder m = setter.toBuilder().addJavadoc("\n");
    for (com.palantir.javapoet.ParameterSpec p : setter.parameters()) {
      String what = switch (p.name()) {
        case "perGroup" -> a.kind() == Kind.FUNCTION ? "one function per group" : "one value per group";
        case "first", "second", "third", "fourth" -> "the " + p.name() + " element of {@code " + a.name() + "}";
        default -> "the value of {@code " + a.name() + "}" + (a.noneAllowed() ? " ({@code null}: None)" : "");
      };
      m.addJavadoc("@param $L $L\n", p.name(), what);
    }
    return m.addJavadoc("@return this spec\n").build();
  }

  static String enumName(Argument a) {
    String java = a.javaName();
    return java.substring(0, 1).toUpperCase(Locale.ROOT) + java.substring(1);
  }

  static String constant(String choice) {
    String upper = choice.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    return Character.isDigit(upper.charAt(0)) ? "ONE_MINUS_" + upper.substring(2) : upper;
  }

  private static TypeSpec choiceEnum(Argument a) {
    TypeSpec.Builder e = TypeSpec.enumBuilder(enumName(a)).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The values of {@code $L}.\n", a.name())
        .addField(FieldSpec.builder(String.class, "pytorchName", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "pytorchName")
            .addStatement("this.pytorchName = pytorchName").build())
        .addMethod(MethodSpec.methodBuilder("pytorchName").addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("{@return the value as PyTorch spells it}\n").addStatement("return pytorchName").build());
    for (String choice : a.choices()) {
      e.addEnumConstant(constant(choice), TypeSpec.anonymousClassBuilder("$S", choice)
          .addJavadoc("{@code $L}.\n", choice).build());
    }
    return e.build();
  }

  private static TypeSpec factory(List<Descriptor> all) {
    TypeSpec.Builder type = TypeSpec.classBuilder("Specs").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated())
        .addJavadoc("Every built-in optimizer and scheduler of the typed DSL in one place: {@code Specs.adamW()} is\n"
            + "{@code AdamW.spec()}, {@code Specs.cosineAnnealingLR()} is {@code CosineAnnealingLR.spec()}.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Descriptor d : all) {
      ClassName builder = ClassName.get(PACKAGE, builderName(d));
      String method = d.javaName().substring(0, 1).toLowerCase(Locale.ROOT) + d.javaName().substring(1);
      type.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
          .addJavadoc("{@code $L}: $L.\n\n@return {@code $L.spec()}\n", d.origin(), d.summary(), builderName(d))
          .addStatement("return $T.spec()", builder).build());
    }
    return type.build();
  }
}
