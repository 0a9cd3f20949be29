package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.FieldKind;
import dev.anneal.processor.model.FieldRef;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.EmaModel;
import dev.anneal.processor.model.ParamSplits;
import dev.anneal.processor.model.LossModel;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.TrainingModel;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Training} class into a {@link TrainingModel}, reporting every problem on the
 * annotation value that causes it; returns nothing when there were errors, so nothing is
 * generated for a broken class.
 */
public final class ModelReader {
  private final Elements elements;
  private final Types types;
  private final Vocabulary vocabulary;
  private final SourceFiles sources;

  /**
   * {@code vocabulary}: the descriptors the processor validates against (built-ins and registered
   * ones); {@code sources}: what the source files tell about a model.
   */
  public ModelReader(Elements elements, Types types, Vocabulary vocabulary, SourceFiles sources) {
    this.elements = elements;
    this.types = types;
    this.vocabulary = vocabulary;
    this.sources = sources;
  }

  public Optional<TrainingModel> read(TypeElement type, Report report) {
    AnnotationMirror training = Mirrors.find(type, Names.TRAINING).orElseThrow();
    if (!checkReachable(type, training, report)) {
      return Optional.empty();
    }
    int epochs = Mirrors.intValue(Mirrors.value(training, "epochs"));
    AnnotationValue epochsValue = Mirrors.value(training, "epochs");
    if (epochs <= 0) {
      report.add(Message.NOT_POSITIVE, new Location(type, training, epochsValue), "@Training epochs", epochs);
      return Optional.empty();
    }
    AnnotationValue stepsValue = Mirrors.value(training, "stepsPerEpoch");
    int stepsPerEpoch = Mirrors.intValue(stepsValue);
    if (stepsPerEpoch < 0) {
      report.add(Message.NEGATIVE, new Location(type, training, stepsValue), "@Training stepsPerEpoch", stepsPerEpoch);
      return Optional.empty();
    }
    if ((long) epochs * Math.max(1, stepsPerEpoch) > Integer.MAX_VALUE) {
      // schedules count steps in int, as PyTorch's last_epoch fits in one
      report.add(Message.TRAINING_TOO_LONG, new Location(type, training, stepsPerEpoch > 0 ? stepsValue : epochsValue),
          Integer.MAX_VALUE, (long) epochs * Math.max(1, stepsPerEpoch));
      return Optional.empty();
    }
    Optional<AnnotationMirror> optimizer = Mirrors.find(type, Names.OPTIMIZER);
    if (optimizer.isEmpty()) {
      report.add(Message.MISSING_OPTIMIZER, Location.of(type, training), type.getSimpleName());
      return Optional.empty();
    }
    TypeResolver resolver = new TypeResolver(vocabulary, report);
    ArgReader args = new ArgReader(report);
    Descriptor optimizerType = resolver.optimizer(type, optimizer.get());
    if (optimizerType == null) {
      return Optional.empty();
    }
    Map<String, Arg> optimizerKwargs = new LinkedHashMap<>();
    int errors = report.errorCount();
    args.read(optimizerType, type, optimizer.get(), Set.of("type", "custom"), optimizerKwargs);
    if (report.errorCount() == errors) {
      args.checkWhole(optimizerType, optimizerKwargs, Location.of(type, optimizer.get()), optimizer.get());
    }

    TypeElement sourceType = elements.getTypeElement(Names.PARAMETER_SOURCE);
    if (sourceType == null) {
      report.add(Message.RUNTIME_MISSING, Location.of(type, training), Names.PARAMETER_SOURCE);
      return Optional.empty();
    }
    FieldReader fields = new FieldReader(elements, types, sourceType);
    ScheduleReader schedules = new ScheduleReader(resolver, args, report);
    ScheduleNode classSchedule = schedules.read(type, null);
    // what a field's own warmup leads into: the class's main schedule, without the class's warmup
    ScheduleNode classMain = Mirrors.find(type, Names.WARMUP).isPresent() && classSchedule instanceof ScheduleNode.Warmup warmup
        ? warmup.after() : classSchedule;
    GroupReader groups = new GroupReader(epochs, stepsPerEpoch, optimizerType, optimizerKwargs, args, schedules, report);

    Optional<AnnotationMirror> layerwise = Mirrors.find(type, Names.LAYERWISE_DECAY);
    List<GroupModel> own = new ArrayList<>();
    List<FieldRef> unannotated = new ArrayList<>();
    boolean anyField = false;
    for (VariableElement field : fieldsOf(type)) {
      List<AnnotationMirror> config = configuration(field);
      Optional<AnnotationMirror> exclude = Mirrors.find(field, Names.EXCLUDE);
      if (exclude.isPresent()) {
        if (!config.isEmpty()) {
          report.add(Message.EXCLUDED_CONFIGURED, Location.of(field, config.get(0)), field.getSimpleName(),
              config.get(0).getAnnotationType().asElement().getSimpleName());
        }
        continue;
      }
      Optional<FieldKind> kind = fields.kind(field.asType());
      if (kind.isEmpty()) {
        if (!config.isEmpty()) {
          report.add(Message.FIELD_TYPE, Location.of(field, config.get(0)), field.getSimpleName(), field.asType(),
              Names.ACCEPTED_TYPES);
        }
        continue;
      }
      if (config.isEmpty() && field.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      anyField = true;
      Optional<FieldRef> ref = fields.reach(field, kind.get(), type, report);
      if (ref.isEmpty()) {
        continue;
      }
      if (config.isEmpty() && layerwise.isEmpty()) {
        unannotated.add(ref.get());
      } else {
        groups.read(ref.get(), classMain).ifPresent(own::add);
      }
    }
    if (!anyField) {
      report.add(Message.NO_PARAMETERS, Location.of(type, training), type.getSimpleName(), Names.ACCEPTED_TYPES);
    }
    List<GroupModel> all = new ArrayList<>(new GroupMerger(report).merge(own));
    if (!unannotated.isEmpty()) {
      all.add(new GroupModel(GroupModel.DEFAULT_NAME, unannotated, true, Map.of(), null, null, null));
    }
    checkUniqueNames(all, report);
    Optional<AnnotationMirror> classNoDecay = Mirrors.find(type, Names.NO_DECAY);
    if (classNoDecay.isPresent()) {
      ParamSplits.NoDecayRule rule = groups.readNoDecay(type, classNoDecay.get());
      if (rule != null) {
        for (int i = 0; i < all.size(); i++) {
          if (all.get(i).splits().noDecay() == null) {
            all.set(i, all.get(i).withSplits(all.get(i).splits().withNoDecay(rule)));
          }
        }
      }
    }
    layerwise.ifPresent(mirror -> applyLayerwiseDecay(type, mirror, all, optimizerKwargs, report));
    RecipeExtrasReader extras = new RecipeExtrasReader(report);
    List<ParamSplits.KindRule> kinds = extras.kindGroups(type, optimizerType);
    if (!kinds.isEmpty()) {
      all.replaceAll(group -> group.withSplits(group.splits().withKinds(kinds)));
    }
    EmaModel ema = extras.ema(type, epochs).orElse(null);
    Integer swa = extras.swa(type, epochs).orElse(null);

    Lengths lengths = new Lengths(epochs, stepsPerEpoch);
    ScheduleChecks checks = new ScheduleChecks(lengths, optimizerType, report);
    checks.check(classSchedule, lengths.total(), null);
    for (int i = 0; i < all.size(); i++) {
      GroupModel group = all.get(i);
      if (group.schedule() != null) {
        checks.check(group.schedule(), lengths.total(), classMain);
        all.set(i, group.withSchedule(Lengths.derive(group.schedule(), lengths.total())));
      }
    }
    ScheduleNode schedule = classSchedule == null ? null : Lengths.derive(classSchedule, lengths.total());
    TrainingModel.Clip clipNorm = null;
    Double clipValue = null;
    Optional<AnnotationMirror> norm = Mirrors.find(type, Names.CLIP_NORM);
    Optional<AnnotationMirror> value = Mirrors.find(type, Names.CLIP_VALUE);
    if (norm.isPresent() && value.isPresent()) {
      report.add(Message.TWO_CLIPPINGS, Location.of(type, value.get()));
    }
    if (norm.isPresent()) {
      clipNorm = readClipNorm(type, norm.get(), report);
    } else if (value.isPresent()) {
      AnnotationValue clip = Mirrors.value(value.get(), "value");
      clipValue = Mirrors.doubleValue(clip);
      positive("@ClipGradValue value", clipValue, new Location(type, value.get(), clip), report);
    }
    int accumulate = 1;
    boolean windowLossScale = false;
    Optional<AnnotationMirror> accumulation = Mirrors.find(type, Names.ACCUMULATE);
    if (accumulation.isPresent()) {
      AnnotationValue steps = Mirrors.value(accumulation.get(), "value");
      accumulate = Mirrors.intValue(steps);
      if (accumulate < 1) {
        report.add(Message.NOT_POSITIVE, new Location(type, accumulation.get(), steps), "@Accumulate value", accumulate);
      }
      AnnotationValue scale = Mirrors.value(accumulation.get(), "lossScale");
      windowLossScale = Mirrors.enumName(scale).equals("WINDOW");
      if (windowLossScale && accumulate == 1) {
        report.add(Message.LOSS_SCALE_WITHOUT_ACCUMULATION, new Location(type, accumulation.get(), scale));
      }
    }
    LossModel loss = new LossReader(elements, resolver, args, report).read(type);
    if (report.hasErrors()) {
      return Optional.empty();
    }
    TrainingModel model = new TrainingModel(type, packageOf(type), generatedName(type), epochs, stepsPerEpoch, optimizerType,
        optimizerKwargs, all, schedule, schedules.monitor(), clipNorm, clipValue, accumulate, loss, ema, swa,
        schedules.plateauOnTop(), windowLossScale);
    new PlanChecks(model, report).run();
    FastaiChecks.run(model, report);
    return report.hasErrors() ? Optional.empty() : Optional.of(model);
  }

  /**
   * The model's fields with those it inherits, the superclass's first: as PyTorch's
   * {@code named_parameters()} lists the modules a base class's {@code __init__} registered.
   * Classes of the JDK hold no parameters and are not read.
   */
  static List<VariableElement> fieldsOf(TypeElement type) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    for (TypeElement t = type; t != null; t = superclassOf(t)) {
      chain.push(t);
    }
    List<VariableElement> fields = new ArrayList<>();
    for (TypeElement t : chain) {
      if (!t.getQualifiedName().toString().startsWith("java.")) {
        fields.addAll(ElementFilter.fieldsIn(t.getEnclosedElements()));
      }
    }
    return fields;
  }

  static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }

  /** Simple name of the generated class: {@code FooTraining}, {@code Outer_InnerTraining} for nested classes. */
  public static String generatedName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    return name + "Training";
  }

  private static String packageOf(TypeElement type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  private boolean checkReachable(TypeElement type, AnnotationMirror training, Report report) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      report.add(Message.MODEL_NOT_CLASS, Location.of(type, training), "the " + type.getKind().toString().toLowerCase() + " "
          + type.getSimpleName());
      return false;
    }
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      boolean nestedNonStatic = t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC);
      if (t.getModifiers().contains(Modifier.PRIVATE) || nestedNonStatic || t.getNestingKind().compareTo(NestingKind.MEMBER) > 0) {
        report.add(Message.MODEL_NOT_REACHABLE, Location.of(type, training), t.getSimpleName(), generatedName(type));
        return false;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.add(Message.MODEL_GENERIC, Location.of(type, training), type.getSimpleName());
      return false;
    }
    Optional<String> sharedFile = sources.auxiliaryFile(type);
    if (sharedFile.isPresent()) {
      report.add(Message.MODEL_AUXILIARY, Location.of(type, training), type.getSimpleName(), sharedFile.get(), generatedName(type));
      return false;
    }
    return true;
  }

  /** The annotations on a field that configure it. */
  public static List<AnnotationMirror> configuration(Element field) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (String name : Names.FIELD_ANNOTATIONS) {
      Mirrors.find(field, name).ifPresent(found::add);
    }
    return found;
  }

  private static void checkUniqueNames(List<GroupModel> groups, Report report) {
    Map<String, GroupModel> seen = new LinkedHashMap<>();
    for (GroupModel declared : groups) {
      GroupModel group = declared;
      GroupModel first = seen.putIfAbsent(group.name(), group);
      if (first != null) {
        if (!hasGroupAnnotation(group) && hasGroupAnnotation(first)) {
          GroupModel swap = first;
          first = group;
          group = swap;
        }
        VariableElement field = group.fields().get(0).element();
        Location where = Mirrors.find(field, Names.GROUP).map(m -> new Location(field, m, Mirrors.value(m, "value")))
            .orElse(Location.of(field));
        String other = first.fields().size() > 1 ? "the fields without annotations"
            : "field " + first.fields().get(0).name();
        report.add(Message.DUPLICATE_GROUP, where, group.name(), field.getSimpleName(), other);
      }
    }
  }

  private static boolean hasGroupAnnotation(GroupModel group) {
    return Mirrors.find(group.fields().get(0).element(), Names.GROUP).isPresent();
  }

  private static void applyLayerwiseDecay(TypeElement type, AnnotationMirror mirror, List<GroupModel> groups,
      Map<String, Arg> optimizerKwargs, Report report) {
    AnnotationValue factorValue = Mirrors.value(mirror, "value");
    double factor = Mirrors.doubleValue(factorValue);
    Location where = new Location(type, mirror, factorValue);
    if (!(factor > 0 && factor <= 1)) {
      report.add(Message.OUT_OF_RANGE, where, "@LayerwiseDecay value", "must be in (0, 1], was " + Value.showNumber(factor));
      return;
    }
    Arg base = optimizerKwargs.get("lr");
    if (base == null) {
      return;
    }
    for (int i = 0; i < groups.size(); i++) {
      GroupModel group = groups.get(i);
      Arg own = group.overrides().get("lr");
      if (own != null) {
        report.add(Message.LAYERWISE_AND_OWN_LR, own.where(), group.fields().get(0).name());
        continue;
      }
      Map<String, Arg> overrides = new LinkedHashMap<>(group.overrides());
      overrides.put("lr", new Arg(Value.of(base.asDouble() * Math.pow(factor, groups.size() - 1 - i)), where));
      groups.set(i, group.withOverrides(overrides));
    }
  }

  private static TrainingModel.Clip readClipNorm(TypeElement type, AnnotationMirror mirror, Report report) {
    AnnotationValue max = Mirrors.value(mirror, "value");
    AnnotationValue normType = Mirrors.value(mirror, "normType");
    positive("@ClipGradNorm value", Mirrors.doubleValue(max), new Location(type, mirror, max), report);
    positive("@ClipGradNorm normType", Mirrors.doubleValue(normType), new Location(type, mirror, normType), report);
    Map<String, AnnotationValue> explicit = Mirrors.explicit(mirror);
    return new TrainingModel.Clip(Mirrors.doubleValue(max), Mirrors.doubleValue(normType),
        (Boolean) Mirrors.value(mirror, "errorIfNonfinite").getValue(),
        !explicit.containsKey("normType") && !explicit.containsKey("errorIfNonfinite"));
  }

  /** Clipping thresholds: a norm or value of 0 or less would zero every gradient. */
  private static void positive(String subject, double value, Location where, Report report) {
    if (!(value > 0)) {
      report.add(Message.NOT_POSITIVE, where, subject, Value.showNumber(value));
    }
  }
}
