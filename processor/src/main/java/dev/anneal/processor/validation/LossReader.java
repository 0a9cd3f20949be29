package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.LossModel;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Loss} against the loss's descriptor, as {@link ArgReader} reads an optimizer's
 * arguments: typed attributes by Java name, {@code @Kwarg}s by PyTorch name, ranges and choices
 * from the descriptor; then the tensors against {@code classes} when it is given.
 */
final class LossReader {
  private final Elements elements;
  private final TypeResolver resolver;
  private final ArgReader args;
  private final Report report;

  LossReader(Elements elements, TypeResolver resolver, ArgReader args, Report report) {
    this.elements = elements;
    this.resolver = resolver;
    this.args = args;
    this.report = report;
  }

  /** The loss of {@code type}'s {@code @Loss}; null when it has none or after reporting its errors. */
  LossModel read(TypeElement type) {
    AnnotationMirror mirror = Mirrors.find(type, Names.LOSS).orElse(null);
    if (mirror == null) {
      return null;
    }
    if (elements.getPackageElement(Names.LOSS_PACKAGE) == null) {
      report.add(Message.LOSS_NEEDS_DJL, Location.of(type, mirror), Names.LOSS_PACKAGE);
      return null;
    }
    Descriptor descriptor = resolver.loss(type, mirror);
    if (descriptor == null) {
      return null;
    }
    int errors = report.errorCount();
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    args.read(descriptor, type, mirror, Set.of("type", "custom", "classes"), kwargs);
    if (report.errorCount() == errors) {
      args.checkWhole(descriptor, kwargs, Location.of(type, mirror), mirror);
    }
    AnnotationValue classesValue = Mirrors.explicit(mirror).get("classes");
    if (classesValue != null) {
      int classes = Mirrors.intValue(classesValue);
      if (classes <= 0) {
        report.add(Message.NOT_POSITIVE, new Location(type, mirror, classesValue), "@Loss classes", classes);
      } else {
        for (String tensor : new String[] {"weight", "pos_weight"}) {
          Arg arg = kwargs.get(tensor);
          int entries = arg == null ? -1 : arg.value() instanceof Value.Reals reals ? reals.values().size()
              : arg.value() instanceof Value.Wholes wholes ? wholes.values().size() : -1;
          if (entries >= 0 && entries != classes) {
            report.add(Message.LOSS_WEIGHT_LENGTH, arg.where(), tensor, classes, entries);
          }
        }
      }
    }
    return report.errorCount() == errors ? new LossModel(descriptor, kwargs) : null;
  }
}
