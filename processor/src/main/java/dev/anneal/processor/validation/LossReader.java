package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.LossModel;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
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
  /** Losses whose weight is one per class, 1-D (PyTorch refuses any other shape). */
  private static final Set<String> CLASS_WEIGHTS = Set.of("CrossEntropyLoss", "NLLLoss", "MultiMarginLoss");
  /** Losses whose weight and pos_weight broadcast against the input (..., C), as PyTorch's do. */
  private static final Set<String> BROADCAST_WEIGHTS = Set.of("BCELoss", "BCEWithLogitsLoss", "MultiLabelSoftMarginLoss");
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
    boolean builtIn = Vocabulary.builtIns().find(Category.LOSS, descriptor.name()).orElse(null) == descriptor;
    boolean classWeights = builtIn && CLASS_WEIGHTS.contains(descriptor.name());
    boolean broadcastWeights = builtIn && BROADCAST_WEIGHTS.contains(descriptor.name());
    for (String tensor : new String[] {"weight", "pos_weight"}) {
      Arg arg = kwargs.get(tensor);
      if (arg != null && arg.value() instanceof Value.Tensor t && classWeights) {
        // PyTorch: "weight tensor should be defined either for all C classes or no classes" (2.x MultiMarginLoss: one-dimensional)
        report.add(Message.LOSS_WEIGHT_SHAPE, arg.where(), tensor, "of " + descriptor.name()
            + " must be 1-D with one entry per class, as PyTorch requires", t.showShape());
      }
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
          if (broadcastWeights && arg != null) {
            // broadcast against (..., C): the last dimension is one per class or a single one
            List<Integer> shape = arg.value() instanceof Value.Tensor t ? t.shape() : entries >= 0 ? List.of(entries) : List.of();
            int last = shape.isEmpty() ? classes : shape.get(shape.size() - 1);
            if (last != classes && last != 1) {
              report.add(Message.LOSS_WEIGHT_SHAPE, arg.where(), tensor, "must broadcast against the classes (classes = "
                  + classes + "): its last dimension 1 or " + classes, shape.size() == 1 ? last + " entries" : ((Value.Tensor) arg.value()).showShape());
            }
          } else if (entries >= 0 && entries != classes) {
            report.add(Message.LOSS_WEIGHT_LENGTH, arg.where(), tensor, classes, entries);
          }
        }
      }
    }
    return report.errorCount() == errors ? new LossModel(descriptor, kwargs) : null;
  }
}
