package dev.anneal.processor.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads annotations through mirrors. Only the attributes a user wrote are returned
 * ({@link #explicit}), so the processor never passes a default on to PyTorch-named kwargs.
 */
public final class Mirrors {
  private Mirrors() {}

  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The attributes written in the source, by name, in source order. */
  public static Map<String, AnnotationValue> explicit(AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new LinkedHashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
    return values;
  }

  /** An attribute's value, written or default. */
  public static AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
        return method.getDefaultValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
  }

  public static double doubleValue(AnnotationValue value) {
    return ((Number) value.getValue()).doubleValue();
  }

  public static int intValue(AnnotationValue value) {
    return ((Number) value.getValue()).intValue();
  }

  public static String enumName(AnnotationValue value) {
    return ((VariableElement) value.getValue()).getSimpleName().toString();
  }

  /** The elements of an array attribute (a single value written without braces is one element). */
  public static List<AnnotationValue> list(AnnotationValue value) {
    List<AnnotationValue> items = new ArrayList<>();
    if (value.getValue() instanceof List<?> list) {
      for (Object item : list) {
        items.add((AnnotationValue) item);
      }
    } else {
      items.add(value);
    }
    return items;
  }

  /** An attribute's value as written in source ({@code "yes"}, {@code {0.9, 1.0}}), for messages. */
  public static String source(AnnotationValue value) {
    return value == null ? "" : value.toString();
  }

  public static AnnotationMirror annotation(AnnotationValue value) {
    return (AnnotationMirror) value.getValue();
  }
}
