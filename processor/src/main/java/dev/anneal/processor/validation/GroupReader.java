package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.FieldKind;
import dev.anneal.processor.model.FieldRef;
import dev.anneal.processor.model.Freeze;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ParamSplits;
import dev.anneal.processor.model.Value;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/** Reads one configured field into its own group: name, hyperparameter overrides, freezing, own schedule. */
final class GroupReader {
  /** Field annotations that each set one optimizer argument. */
  private static final Map<String, String> OVERRIDES = Map.of(
      Names.LEARNING_RATE, "lr", Names.WEIGHT_DECAY, "weight_decay", Names.MOMENTUM, "momentum", Names.BETAS, "betas");

  private final int epochs;
  private final int stepsPerEpoch;
  private final Lengths lengths;
  private final Descriptor optimizer;
  private final Map<String, Arg> optimizerKwargs;
  private final ArgReader args;
  private final ScheduleReader schedules;
  private final Report report;

  GroupReader(int epochs, int stepsPerEpoch, Descriptor optimizer, Map<String, Arg> optimizerKwargs, ArgReader args,
      ScheduleReader schedules, Report report) {
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
    this.lengths = new Lengths(epochs, stepsPerEpoch);
    this.optimizer = optimizer;
    this.optimizerKwargs = optimizerKwargs;
    this.args = args;
    this.schedules = schedules;
    this.report = report;
  }

  /** The field's own group; its schedule as read, a warmup of its own leading into {@code classMain} if it has none. */
  Optional<GroupModel> read(FieldRef ref, ScheduleNode classMain) {
    VariableElement field = ref.element();
    String name = ref.name();
    Optional<AnnotationMirror> group = Mirrors.find(field, Names.GROUP);
    if (group.isPresent()) {
      AnnotationValue value = Mirrors.value(group.get(), "value");
      String written = (String) value.getValue();
      name = written.trim();
      if (name.isEmpty()) {
        report.add(Message.BLANK_GROUP, new Location(field, group.get(), value), field.getSimpleName());
        return Optional.empty();
      }
      if (!name.equals(written)) {
        report.add(Message.GROUP_NAME_PADDED, new Location(field, group.get(), value), visible(written), field.getSimpleName(),
            visible(name));
        return Optional.empty();
      }
    }
    Map<String, Arg> overrides = new LinkedHashMap<>();
    for (String annotation : List.of(Names.LEARNING_RATE, Names.WEIGHT_DECAY, Names.MOMENTUM, Names.BETAS)) {
      Optional<AnnotationMirror> mirror = Mirrors.find(field, annotation);
      if (mirror.isEmpty()) {
        continue;
      }
      String kwarg = OVERRIDES.get(annotation);
      AnnotationValue value = Mirrors.value(mirror.get(), "value");
      Location where = new Location(field, mirror.get(), value);
      String subject = "@" + Names.simple(annotation) + " of field " + field.getSimpleName();
      Argument argument = optimizer.argument(kwarg).orElse(null);
      if (argument == null) {
        report.add(Message.NOT_APPLICABLE, where, "@" + Names.simple(annotation), optimizer.name(),
            String.join(", ", optimizer.arguments().stream().map(Argument::name).toList()));
        continue;
      }
      Object java = kwarg.equals("betas") ? Mirrors.list(value).stream().map(Mirrors::doubleValue).toList() : value.getValue();
      args.put(subject, optimizer, argument, java, where, overrides);
    }
    Mirrors.find(field, Names.HYPERPARAMETER).ifPresent(mirror -> args.readKwarg(optimizer, field, mirror, mirror, overrides));
    Mirrors.find(field, Names.HYPERPARAMETERS).ifPresent(container -> {
      for (AnnotationValue item : Mirrors.list(Mirrors.value(container, "value"))) {
        args.readKwarg(optimizer, field, container, Mirrors.annotation(item), overrides);
      }
    });
    if (!overrides.isEmpty()) {
      // the group's arguments together with the optimizer's must fit (nesterov needs momentum, ...)
      Map<String, Arg> merged = new LinkedHashMap<>(optimizerKwargs);
      merged.putAll(overrides);
      args.checkWhole(optimizer, merged, overrides.values().iterator().next().where(), null, overrides);
    }
    Freeze freeze = Mirrors.find(field, Names.FREEZE).map(mirror -> readFreeze(field, ref.kind(), mirror)).orElse(null);
    ScheduleNode schedule = schedules.read(field, classMain);
    ParamSplits.NoDecayRule noDecay = Mirrors.find(field, Names.NO_DECAY).map(m -> readNoDecay(field, m)).orElse(null);
    ParamSplits.LayerDecayRule layerDecay = Mirrors.find(field, Names.LAYER_DECAY).map(m -> readLayerDecay(field, m)).orElse(null);
    return Optional.of(new GroupModel(name, List.of(ref), false, overrides, freeze, schedule,
        new ParamSplits(noDecay, layerDecay)));
  }

  /** {@code @NoDecay} on a field or the class; null after reporting what is wrong. */
  ParamSplits.NoDecayRule readNoDecay(javax.lang.model.element.Element on, AnnotationMirror mirror) {
    Location at = Location.of(on, mirror);
    if (optimizer.argument("weight_decay").isEmpty()) {
      report.add(Message.NOT_APPLICABLE, at, "@NoDecay", optimizer.name(),
          String.join(", ", optimizer.arguments().stream().map(Argument::name).toList()));
      return null;
    }
    String kind = Mirrors.enumName(Mirrors.value(mirror, "value"));
    AnnotationValue namesValue = Mirrors.value(mirror, "names");
    List<String> names = Mirrors.list(namesValue).stream().map(v -> (String) v.getValue()).toList();
    if (names.stream().anyMatch(String::isBlank)) {
      report.add(Message.BLANK_PATTERN, at.at(namesValue));
      return null;
    }
    if (kind.equals("NONE") && names.isEmpty()) {
      report.add(Message.NO_DECAY_SELECTS_NOTHING, at.at(Mirrors.value(mirror, "value")));
      return null;
    }
    return new ParamSplits.NoDecayRule(kind, names, at);
  }

  private ParamSplits.LayerDecayRule readLayerDecay(VariableElement field, AnnotationMirror mirror) {
    Location at = Location.of(field, mirror);
    AnnotationValue value = Mirrors.value(mirror, "value");
    double decay = Mirrors.doubleValue(value);
    if (!(decay > 0 && decay <= 1)) {
      report.add(Message.OUT_OF_RANGE, at.at(value), "@LayerDecay value", "must be in (0, 1], was " + Value.showNumber(decay));
      return null;
    }
    AnnotationValue patternValue = Mirrors.value(mirror, "layerPattern");
    String pattern = (String) patternValue.getValue();
    String ids = Mirrors.enumName(Mirrors.value(mirror, "layers"));
    String scale = Mirrors.enumName(Mirrors.value(mirror, "scales"));
    if (!ids.equals("PATTERN") && !pattern.isEmpty()) {
      report.add(Message.LAYER_IDS_WITH_PATTERN, at.at(patternValue), pattern, ids);
      return null;
    }
    if (!pattern.isEmpty()) {
      try {
        if (java.util.regex.Pattern.compile(pattern).matcher("").groupCount() < 1) {
          report.add(Message.LAYER_PATTERN, at.at(patternValue), pattern, "has no capturing group");
          return null;
        }
      } catch (java.util.regex.PatternSyntaxException e) {
        report.add(Message.LAYER_PATTERN, at.at(patternValue), pattern, "is not a regular expression (" + e.getDescription() + ")");
        return null;
      }
    }
    return new ParamSplits.LayerDecayRule(decay, pattern, at, ids, scale);
  }

  private Freeze readFreeze(VariableElement field, FieldKind kind, AnnotationMirror mirror) {
    Location at = Location.of(field, mirror);
    AnnotationValue epochValue = Mirrors.value(mirror, "untilEpoch");
    AnnotationValue stepValue = Mirrors.value(mirror, "untilStep");
    int untilEpoch = Mirrors.intValue(epochValue);
    int untilStep = Mirrors.intValue(stepValue);
    Map<String, AnnotationValue> explicit = Mirrors.explicit(mirror);
    if (explicit.containsKey("untilEpoch") && explicit.containsKey("untilStep")) {
      report.add(Message.FREEZE_EPOCH_AND_STEP, at.at(stepValue));
      return null;
    }
    if (!explicit.containsKey("untilEpoch") && !explicit.containsKey("untilStep")) {
      report.add(Message.FREEZE_NEEDS_UNTIL, at, field.getSimpleName());
      return null;
    }
    AnnotationValue rewarmup = Mirrors.value(mirror, "rewarmupSteps");
    if (Mirrors.intValue(rewarmup) < 0) {
      report.add(Message.NEGATIVE, at.at(rewarmup), "@Freeze rewarmupSteps", Mirrors.intValue(rewarmup));
    }
    boolean reset = Mirrors.enumName(Mirrors.value(mirror, "onUnfreeze")).equals("RESET_STATE");
    AnnotationValue batchNorm = Mirrors.value(mirror, "batchNorm");
    boolean hold = Mirrors.enumName(batchNorm).equals("HOLD");
    if (hold && !mayHoldBuffers(kind)) {
      report.add(Message.BATCH_NORM_WITHOUT_BUFFERS, at.at(batchNorm), field.getSimpleName(), field.asType());
    }
    if (explicit.containsKey("untilEpoch")) {
      if (untilEpoch < 0) {
        report.add(Message.NEGATIVE, at.at(epochValue), "@Freeze untilEpoch", untilEpoch);
      } else if (lengths.isPastEnd(Count.epochs(untilEpoch))) {
        report.add(Message.PAST_END, at.at(epochValue), "@Freeze untilEpoch", lengths.describe(), untilEpoch);
      } else if (untilEpoch == epochs) {
        report.add(Message.FROZEN_WHOLE_RUN, at.at(epochValue), field.getSimpleName(), "untilEpoch = " + epochs + " = epochs");
      }
      return new Freeze(untilEpoch, -1, reset, Mirrors.intValue(rewarmup), hold, at);
    }
    if (untilStep < 0) {
      report.add(Message.NEGATIVE, at.at(stepValue), "@Freeze untilStep", untilStep);
    } else if (lengths.isPastEnd(Count.of(untilStep))) {
      report.add(Message.PAST_END, at.at(stepValue), "@Freeze untilStep", lengths.describe(), untilStep);
    } else if (stepsPerEpoch > 0 && (long) untilStep == (long) epochs * stepsPerEpoch) {
      report.add(Message.FROZEN_WHOLE_RUN, at.at(stepValue), field.getSimpleName(),
          "untilStep = " + untilStep + ", the training has " + (long) epochs * stepsPerEpoch + " steps");
    }
    return new Freeze(-1, untilStep, reset, Mirrors.intValue(rewarmup), hold, at);
  }

  /** Whether a field of this kind can have buffers: a collection of bare parameters has none. */
  private static boolean mayHoldBuffers(FieldKind kind) {
    return kind != FieldKind.PARAMETER_COLLECTION;
  }

  /** A name as a message can show it: control characters as Unicode escapes. */
  private static String visible(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
