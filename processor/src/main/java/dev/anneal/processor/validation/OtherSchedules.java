package dev.anneal.processor.validation;

import dev.anneal.annotations.Interval;
import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.FunctionRef;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.vocabulary.Descriptor;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * The main schedules that are not a {@code @Schedule}: plateau reduction (attributes of its own,
 * and the metric it watches) and a Java function ({@code LambdaLR}, {@code MultiplicativeLR}).
 */
final class OtherSchedules {
  private OtherSchedules() {}

  /** A plateau schedule and the metric it watches (the plan holds the metric, not the schedule). */
  record ReadPlateau(ScheduleNode.Plateau node, String monitor) {}

  static ScheduleNode readLambda(Element element, AnnotationMirror mirror, Report report) {
    Location at = Location.of(element, mirror);
    AnnotationValue value = Mirrors.value(mirror, "value");
    String problem = null;
    TypeElement function = null;
    if (value.getValue() instanceof DeclaredType declared && declared.asElement() instanceof TypeElement type) {
      function = type;
      problem = instantiable(type, element);
    } else {
      problem = "the class could not be read";
    }
    if (problem != null) {
      report.add(Message.LAMBDA_CLASS, at.at(value), function == null ? "" : function.getQualifiedName() + ":", problem);
      return null;
    }
    boolean multiplicative = (Boolean) Mirrors.value(mirror, "multiplicative").getValue();
    Interval interval = Interval.valueOf(Mirrors.enumName(Mirrors.value(mirror, "interval")));
    return new ScheduleNode.Lambda(new FunctionRef(function), multiplicative, interval, at.at(value));
  }

  /** Why generated code in the model's package cannot call {@code new T()}, or null if it can. */
  private static String instantiable(TypeElement type, Element user) {
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return "it must be a concrete class";
    }
    if (!type.getTypeParameters().isEmpty()) {
      return "it must not declare type parameters";
    }
    boolean samePackage = packageOf(type).equals(packageOf(user));
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE) || !samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
        return "make " + t.getSimpleName() + (samePackage ? " non-private" : " public");
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)) {
        return "make the nested class " + t.getSimpleName() + " static";
      }
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      boolean visible = constructor.getModifiers().contains(Modifier.PUBLIC)
          || samePackage && !constructor.getModifiers().contains(Modifier.PRIVATE);
      if (constructor.getParameters().isEmpty() && visible) {
        return null;
      }
    }
    return "give it a " + (samePackage ? "non-private" : "public") + " constructor without arguments";
  }

  private static String packageOf(Element element) {
    Element e = element;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  static ReadPlateau readPlateau(Element element, AnnotationMirror mirror, Descriptor plateau, ArgReader args, Report report) {
    Location at = Location.of(element, mirror);
    AnnotationValue monitorValue = Mirrors.explicit(mirror).get("monitor");
    String metric = monitorValue == null ? "" : ((String) monitorValue.getValue()).trim();
    if (metric.isEmpty()) {
      report.add(Message.MISSING_MONITOR, monitorValue == null ? at : at.at(monitorValue));
    }
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    args.read(plateau, element, mirror, Set.of("monitor"), kwargs);
    return new ReadPlateau(new ScheduleNode.Plateau(kwargs, at), metric);
  }
}
