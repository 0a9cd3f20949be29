package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Kind;
import dev.anneal.vocabulary.Presence;
import dev.anneal.vocabulary.Problem;
import dev.anneal.vocabulary.PythonLiteral;
import dev.anneal.vocabulary.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads the keyword arguments an annotation writes against the descriptor of its optimizer or
 * schedule: a typed attribute is the argument of the same Java name ({@code weightDecay} is
 * {@code weight_decay}), a {@code @Kwarg} names one under PyTorch's name with a Python literal.
 * An attribute that does not apply, an unknown name (with the closest names), a value of the
 * wrong kind or out of the descriptor's range, an argument given twice, a required one missing and
 * arguments that do not fit together are reported on the annotation value that causes them.
 */
final class ArgReader {
  private final Report report;

  ArgReader(Report report) {
    this.report = report;
  }

  /**
   * Adds the arguments of {@code mirror} on {@code element} to {@code into}. {@code skip} are the
   * attributes that are not arguments (such as {@code type}).
   */
  void read(Descriptor descriptor, Element element, AnnotationMirror mirror, Set<String> skip, Map<String, Arg> into) {
    String annotation = "@" + mirror.getAnnotationType().asElement().getSimpleName();
    Map<String, AnnotationValue> explicit = Mirrors.explicit(mirror);
    for (Map.Entry<String, AnnotationValue> entry : explicit.entrySet()) {
      String attribute = entry.getKey();
      if (skip.contains(attribute) || attribute.equals("kwargs")) {
        continue;
      }
      Location where = new Location(element, mirror, entry.getValue());
      Argument argument = byJavaName(descriptor, attribute);
      if (argument == null) {
        report.add(Message.NOT_APPLICABLE, where, annotation + " " + attribute, descriptor.name(), names(descriptor));
        continue;
      }
      put(annotation + " " + attribute, descriptor, argument, fromAttribute(entry.getValue(), argument), where, into);
    }
    AnnotationValue kwargs = explicit.get("kwargs");
    if (kwargs != null) {
      for (AnnotationValue item : Mirrors.list(kwargs)) {
        readKwarg(descriptor, element, mirror, Mirrors.annotation(item), into);
      }
    }
  }

  /** One {@code @Kwarg(name, value)} or {@code @Hyperparameter(name, value)}; {@code outer} is the annotation holding it. */
  void readKwarg(Descriptor descriptor, Element element, AnnotationMirror outer, AnnotationMirror kwarg, Map<String, Arg> into) {
    AnnotationValue nameValue = Mirrors.value(kwarg, "name");
    AnnotationValue literalValue = Mirrors.value(kwarg, "value");
    String name = (String) nameValue.getValue();
    String literal = (String) literalValue.getValue();
    Argument argument = descriptor.argument(name).orElse(null);
    if (argument == null) {
      List<String> known = descriptor.arguments().stream().map(Argument::name).toList();
      report.add(Message.UNKNOWN_KWARG, new Location(element, outer, nameValue), descriptor.name(), name,
          Suggestions.didYouMean(name, known), names(descriptor));
      return;
    }
    Location where = new Location(element, outer, literalValue);
    Object parsed;
    try {
      parsed = PythonLiteral.parse(literal);
    } catch (PythonLiteral.Unreadable e) {
      String shown = literal.length() <= 60 ? literal : literal.substring(0, 60) + "... (" + literal.length() + " characters)";
      report.add(Message.BAD_KWARG_VALUE, where, name, descriptor.name(), "must be " + argument.kind().description()
          + " (" + e.reason() + ")", "\"" + shown + "\"");
      return;
    }
    String annotation = "@" + ((TypeElement) kwarg.getAnnotationType().asElement()).getSimpleName();
    put(annotation + " " + name, descriptor, argument, parsed, where, into);
  }

  /** Adds one argument after checking it alone, reporting it if it was already given. */
  void put(String subject, Descriptor descriptor, Argument argument, Object value, Location where, Map<String, Arg> into) {
    Problem problem = descriptor.checkOne(argument.name(), value);
    if (problem != null) {
      String text = argument.problem(value);
      if (problem.reason() == Problem.Reason.OUT_OF_RANGE) {
        report.add(Message.OUT_OF_RANGE, where, subject, text);
      } else {
        report.add(Message.BAD_KWARG_VALUE, where, argument.name(), descriptor.name(), text.replaceFirst(", was .*$", ""),
            Mirrors.source(where.value()));
      }
      return;
    }
    Value model;
    try {
      model = Value.ofJava(argument.normalize(value));
    } catch (IllegalArgumentException e) {
      // a value the vocabulary passes through (a tensor) but the model cannot hold: ragged, or not numbers
      report.add(Message.BAD_KWARG_VALUE, where, argument.name(), descriptor.name(),
          "must be " + argument.kind().description() + ": numbers, or rectangular nested lists of numbers", Mirrors.source(where.value()));
      return;
    }
    Arg arg = new Arg(model, where);
    Arg before = into.get(argument.name());
    if (before != null) {
      report.add(Message.CONFIGURED_TWICE, where, argument.name(), describe(where), before.value().show());
      return;
    }
    into.put(argument.name(), arg);
  }

  /**
   * The checks over all of a descriptor's arguments once they are read: a required argument that
   * is missing (on {@code where}; those derived from the training's length are filled in later) and
   * arguments that do not fit together (on the first argument of the rule, or {@code where}).
   */
  void checkWhole(Descriptor descriptor, Map<String, Arg> kwargs, Location where, AnnotationMirror attributesOf) {
    checkWhole(descriptor, kwargs, where, attributesOf, kwargs);
  }

  /** As above; a conflict is reported on its argument in {@code reportedOn} if there, else on {@code where}. */
  void checkWhole(Descriptor descriptor, Map<String, Arg> kwargs, Location where, AnnotationMirror attributesOf,
      Map<String, Arg> reportedOn) {
    for (Argument argument : descriptor.arguments()) {
      if (argument.presence() == Presence.REQUIRED && !kwargs.containsKey(argument.name())) {
        report.add(Message.MISSING_ARGUMENT, where, descriptor.name(), argument.name(), howToSet(argument, attributesOf));
      }
    }
    Map<String, Object> given = new LinkedHashMap<>();
    kwargs.forEach((name, arg) -> {
      Object java = arg.value().toJava();
      if (!(java instanceof Value)) {
        given.put(name, java);
      }
    });
    java.util.Set<String> placeholders = new java.util.HashSet<>();
    for (Argument argument : descriptor.arguments()) {
      if (argument.isDerivedFromLength() && !given.containsKey(argument.name())) {
        // filled in from the training's length later; present for the rules that need a length (OneCycleLR's)
        given.put(argument.name(), 1);
        placeholders.add(argument.name());
      }
    }
    for (Problem problem : descriptor.check(given)) {
      // a rule about a length's value (fastai.fine_tune's whole epochs) cannot judge the stand-in; ScheduleChecks judges the real one
      if (problem.reason() == Problem.Reason.CONFLICT && !placeholders.contains(problem.argument())) {
        Arg first = reportedOn.get(problem.argument());
        report.add(Message.ARGUMENTS_CONFLICT, first != null ? first.where() : where, problem.message());
      }
    }
  }

  /** The argument a typed attribute writes: the one of the same Java name. */
  static Argument byJavaName(Descriptor descriptor, String attribute) {
    for (Argument argument : descriptor.arguments()) {
      if (argument.javaName().equals(attribute)) {
        return argument;
      }
    }
    return null;
  }

  /** "set stepSize = ..." when the annotation has an attribute for it, else the {@code @Kwarg} to write. */
  private static String howToSet(Argument argument, AnnotationMirror attributesOf) {
    if (attributesOf != null) {
      for (Element member : attributesOf.getAnnotationType().asElement().getEnclosedElements()) {
        if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(argument.javaName())) {
          return argument.javaName() + " = ...";
        }
      }
    }
    return "kwargs = @Kwarg(name = \"" + argument.name() + "\", value = \"...\")";
  }

  private static String names(Descriptor descriptor) {
    return String.join(", ", descriptor.arguments().stream().map(Argument::name).toList());
  }

  private static String describe(Location where) {
    Element element = where.element();
    return element.getKind().isField() ? "field " + element.getSimpleName() : element.getSimpleName().toString();
  }

  /** The Java value of a typed attribute, as the argument's kind reads it (an enum constant is its lower-case name). */
  private static Object fromAttribute(AnnotationValue value, Argument argument) {
    Object raw = value.getValue();
    if (raw instanceof List<?>) {
      List<Object> items = new ArrayList<>();
      for (AnnotationValue item : Mirrors.list(value)) {
        items.add(item.getValue());
      }
      return items;
    }
    if (raw instanceof VariableElement constant) {
      return constant.getSimpleName().toString().toLowerCase(Locale.ROOT);
    }
    if (argument.kind() == Kind.DOUBLE_TUPLE && raw instanceof Number) {
      return List.of(raw);
    }
    return raw;
  }
}
