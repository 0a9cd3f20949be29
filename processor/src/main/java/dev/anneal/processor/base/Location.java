package dev.anneal.processor.base;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic lands: an element, and when known the annotation on it and the attribute
 * value, so javac's caret points at the offending value rather than at the class.
 */
public record Location(Element element, AnnotationMirror mirror, AnnotationValue value) {

  public static Location of(Element element) {
    return new Location(element, null, null);
  }

  public static Location of(Element element, AnnotationMirror mirror) {
    return new Location(element, mirror, null);
  }

  /** The same element and annotation, pointing at another of its values. */
  public Location at(AnnotationValue other) {
    return new Location(element, mirror, other);
  }
}
