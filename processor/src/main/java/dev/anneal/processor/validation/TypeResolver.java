package dev.anneal.processor.validation;

import dev.anneal.annotations.LossType;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Finds the descriptor an {@code @Optimizer}, {@code @Schedule} or {@code @Loss} names: a built-in type, or the
 * name of one registered with its descriptor ({@code custom = "..."}), in the vocabulary the
 * processor loaded (its built-ins and the providers on the processor path).
 */
final class TypeResolver {
  private final Vocabulary vocabulary;
  private final Report report;

  TypeResolver(Vocabulary vocabulary, Report report) {
    this.vocabulary = vocabulary;
    this.report = report;
  }

  /** The optimizer of {@code @Optimizer}, or null after reporting why there is none. */
  Descriptor optimizer(Element element, AnnotationMirror mirror) {
    String type = Mirrors.enumName(Mirrors.value(mirror, "type"));
    String builtIn = type.equals(OptimizerType.CUSTOM.name()) ? null : OptimizerType.valueOf(type).pytorchName();
    return resolve(Category.OPTIMIZER, builtIn, element, mirror);
  }

  /** The loss of {@code @Loss}, or null after reporting why there is none. */
  Descriptor loss(Element element, AnnotationMirror mirror) {
    LossType type = LossType.valueOf(Mirrors.enumName(Mirrors.value(mirror, "type")));
    return resolve(Category.LOSS, type == LossType.CUSTOM ? null : type.pytorchName(), element, mirror);
  }

  /** The schedule type of a {@code @Schedule} ({@link ScheduleType#CUSTOM} for a registered one). */
  static ScheduleType scheduleType(AnnotationMirror mirror) {
    return ScheduleType.valueOf(Mirrors.enumName(Mirrors.value(mirror, "type")));
  }

  /** The schedule of a {@code @Schedule}, or null after reporting why there is none. */
  Descriptor schedule(Element element, AnnotationMirror mirror) {
    ScheduleType type = scheduleType(mirror);
    return resolve(Category.SCHEDULER, type == ScheduleType.CUSTOM ? null : type.pytorchName(), element, mirror);
  }

  /** A built-in scheduler the annotations write by themselves: warmups, SequentialLR, ReduceLROnPlateau. */
  Descriptor builtInScheduler(String name) {
    return vocabulary.require(Category.SCHEDULER, name);
  }

  private Descriptor resolve(Category category, String builtIn, Element element, AnnotationMirror mirror) {
    Map<String, AnnotationValue> explicit = Mirrors.explicit(mirror);
    AnnotationValue customValue = explicit.get("custom");
    String custom = customValue == null ? "" : ((String) customValue.getValue()).trim();
    String annotation = "@" + mirror.getAnnotationType().asElement().getSimpleName();
    Location at = Location.of(element, mirror);
    if (builtIn != null && !custom.isEmpty()) {
      report.add(Message.TYPE_AND_CUSTOM, at.at(customValue), annotation);
      return null;
    }
    if (builtIn == null && custom.isEmpty()) {
      report.add(Message.NEEDS_TYPE, customValue == null ? at : at.at(customValue), annotation);
      return null;
    }
    String name = builtIn != null ? builtIn : custom;
    Descriptor descriptor = vocabulary.find(category, name).orElse(null);
    Location where = builtIn != null ? at.at(Mirrors.value(mirror, "type")) : at.at(customValue);
    if (descriptor == null) {
      report.add(Message.UNKNOWN_TYPE, where, vocabulary.unknownMessage(category, name));
      return null;
    }
    if (descriptor.unsupported().isPresent()) {
      report.add(Message.UNSUPPORTED, where, name, descriptor.unsupported().get());
      return null;
    }
    return descriptor;
  }
}
