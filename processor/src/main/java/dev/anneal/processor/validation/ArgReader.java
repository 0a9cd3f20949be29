package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.base.Suggestion;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reads the PyTorch keyword arguments an annotation writes, through its typed attributes and its
 * {@code kwargs}, against the table of what the optimizer or schedule takes: an attribute that does
 * not apply, an unknown name, a value of the wrong type or an argument given twice is reported on
 * the attribute's value.
 */
final class ArgReader {
  private ArgReader() {}

  /**
   * Adds the arguments of {@code mirror} on {@code element} to {@code into}. {@code skip} are the
   * attributes that are not arguments (such as {@code type}); {@code typeName} is the PyTorch type.
   */
  static void read(String annotation, String typeName, Map<String, ArgKind> table, Element element, AnnotationMirror mirror,
      Set<String> skip, Map<String, Arg> into, Report report) {
    for (Map.Entry<String, AnnotationValue> entry : Mirrors.explicit(mirror).entrySet()) {
      String attribute = entry.getKey();
      if (skip.contains(attribute) || attribute.equals("kwargs")) {
        continue;
      }
      Location where = new Location(element, mirror, entry.getValue());
      String kwarg = Arguments.ATTRIBUTE_TO_KWARG.getOrDefault(attribute, attribute);
      ArgKind kind = table.get(kwarg);
      if (kind == null) {
        report.add(Message.NOT_APPLICABLE, where, "@" + annotation + " " + attribute, typeName, String.join(", ", table.keySet()));
        continue;
      }
      put(annotation + " " + attribute, kwarg, new Arg(fromAttribute(entry.getValue(), kind), where), into, report);
    }
    AnnotationValue kwargs = Mirrors.explicit(mirror).get("kwargs");
    if (kwargs != null) {
      for (AnnotationValue item : Mirrors.list(kwargs)) {
        AnnotationMirror kwarg = Mirrors.annotation(item);
        readKwarg(typeName, table, element, mirror, kwarg, into, report);
      }
    }
  }

  /** One {@code @Kwarg(name, value)} or {@code @Hyperparameter(name, value)}. */
  static void readKwarg(String typeName, Map<String, ArgKind> table, Element element, AnnotationMirror outer,
      AnnotationMirror kwarg, Map<String, Arg> into, Report report) {
    AnnotationValue nameValue = Mirrors.value(kwarg, "name");
    AnnotationValue literalValue = Mirrors.value(kwarg, "value");
    String name = (String) nameValue.getValue();
    String literal = (String) literalValue.getValue();
    ArgKind kind = table.get(name);
    if (kind == null) {
      report.add(Message.UNKNOWN_KWARG, new Location(element, outer, nameValue), typeName, name,
          Suggestion.didYouMean(name, table.keySet()), String.join(", ", table.keySet()));
      return;
    }
    Value parsed = kind.parse(literal);
    Location where = new Location(element, outer, literalValue);
    if (parsed == null) {
      report.add(Message.BAD_KWARG_VALUE, where, name, typeName, kind.description(), literal);
      return;
    }
    put("@" + Names.simple(((javax.lang.model.element.TypeElement) kwarg.getAnnotationType().asElement())
        .getQualifiedName().toString()) + " " + name, name, new Arg(parsed, where), into, report);
  }

  /** Adds one argument, reporting it if it was already given and checking its range. */
  static void put(String subject, String kwarg, Arg arg, Map<String, Arg> into, Report report) {
    String shown = subject.startsWith("@") ? subject : "@" + subject;
    if (into.containsKey(kwarg)) {
      report.add(Message.CONFIGURED_TWICE, arg.where(), kwarg, describe(arg.where()), into.get(kwarg).value().show());
      return;
    }
    into.put(kwarg, arg);
    ValueRules.check(shown, kwarg, arg, report);
  }

  private static String describe(Location where) {
    Element element = where.element();
    return element.getKind().isField() ? "field " + element.getSimpleName() : element.getSimpleName().toString();
  }

  private static Value fromAttribute(AnnotationValue value, ArgKind kind) {
    switch (kind) {
      case TUPLE: {
        List<Double> items = new ArrayList<>();
        for (AnnotationValue item : Mirrors.list(value)) {
          items.add(Mirrors.doubleValue(item));
        }
        return new Value.Reals(items);
      }
      case INT_LIST: {
        List<Long> items = new ArrayList<>();
        for (AnnotationValue item : Mirrors.list(value)) {
          items.add((long) Mirrors.intValue(item));
        }
        return new Value.Wholes(items);
      }
      case INT:
        return Value.of((long) Mirrors.intValue(value));
      case BOOL:
        return Value.of((Boolean) value.getValue());
      default:
        return Value.of(Mirrors.doubleValue(value));
    }
  }
}
