package dev.anneal.processor.base;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Prints a {@link Report} on element + annotation + value, leaving out warnings suppressed with
 * {@code @SuppressWarnings("anneal:<key>")} (or {@code "anneal:all"}) on the element or any element
 * enclosing it.
 */
public final class Reporter {
  private final Messager messager;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void print(Report report) {
    for (Report.Entry entry : report.entries()) {
      Location where = entry.location();
      if (entry.message().isWarning() && suppressed(where.element(), entry.message().key())) {
        continue;
      }
      if (where.value() != null) {
        messager.printMessage(entry.message().kind(), entry.text(), where.element(), where.mirror(), where.value());
      } else if (where.mirror() != null) {
        messager.printMessage(entry.message().kind(), entry.text(), where.element(), where.mirror());
      } else {
        messager.printMessage(entry.message().kind(), entry.text(), where.element());
      }
    }
  }

  private static boolean suppressed(Element element, String key) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
        TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
        if (!type.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
          continue;
        }
        for (var member : mirror.getElementValues().entrySet()) {
          ExecutableElement name = member.getKey();
          if (!name.getSimpleName().contentEquals("value")) {
            continue;
          }
          Object value = member.getValue().getValue();
          if (value instanceof List<?> names) {
            for (Object item : names) {
              Object text = ((AnnotationValue) item).getValue();
              if (("anneal:" + key).equals(text) || "anneal:all".equals(text)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }
}
