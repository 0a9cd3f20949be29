package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.FieldRef;
import dev.anneal.processor.model.Freeze;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ScheduleNode;
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
  private final String optimizerType;
  private final Map<String, ArgKind> optimizerArgs;
  private final ScheduleReader schedules;
  private final Report report;

  GroupReader(int epochs, int stepsPerEpoch, String optimizerType, Map<String, ArgKind> optimizerArgs,
      ScheduleReader schedules, Report report) {
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
    this.optimizerType = optimizerType;
    this.optimizerArgs = optimizerArgs;
    this.schedules = schedules;
    this.report = report;
  }

  Optional<GroupModel> read(FieldRef ref) {
    VariableElement field = ref.element();
    String name = ref.name();
    Optional<AnnotationMirror> group = Mirrors.find(field, Names.GROUP);
    if (group.isPresent()) {
      AnnotationValue value = Mirrors.value(group.get(), "value");
      name = ((String) value.getValue()).trim();
      if (name.isEmpty()) {
        report.add(Message.BLANK_GROUP, new Location(field, group.get(), value), field.getSimpleName());
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
      if (!optimizerArgs.containsKey(kwarg)) {
        report.add(Message.NOT_APPLICABLE, where, "@" + Names.simple(annotation), optimizerType, String.join(", ", optimizerArgs.keySet()));
        continue;
      }
      Object parsed;
      if (kwarg.equals("betas")) {
        parsed = Mirrors.list(value).stream().map(Mirrors::doubleValue).toList();
      } else {
        parsed = Mirrors.doubleValue(value);
      }
      ArgReader.put(subject, kwarg, new Arg(parsed, where), overrides, report);
    }
    Mirrors.find(field, Names.HYPERPARAMETER).ifPresent(mirror ->
        ArgReader.readKwarg(optimizerType, optimizerArgs, field, mirror, mirror, overrides, report));
    Mirrors.find(field, Names.HYPERPARAMETERS).ifPresent(container -> {
      for (AnnotationValue item : Mirrors.list(Mirrors.value(container, "value"))) {
        ArgReader.readKwarg(optimizerType, optimizerArgs, field, container, Mirrors.annotation(item), overrides, report);
      }
    });
    Freeze freeze = Mirrors.find(field, Names.FREEZE).map(mirror -> readFreeze(field, mirror)).orElse(null);
    ScheduleNode schedule = schedules.read(field);
    return Optional.of(new GroupModel(name, List.of(ref), overrides, freeze, schedule));
  }

  private Freeze readFreeze(VariableElement field, AnnotationMirror mirror) {
    Location at = Location.of(field, mirror);
    AnnotationValue epochValue = Mirrors.value(mirror, "untilEpoch");
    AnnotationValue stepValue = Mirrors.value(mirror, "untilStep");
    int untilEpoch = Mirrors.intValue(epochValue);
    int untilStep = Mirrors.intValue(stepValue);
    Map<String, AnnotationValue> explicit = Mirrors.explicit(mirror);
    if (explicit.containsKey("untilEpoch") && explicit.containsKey("untilStep")) {
      report.add(Message.CONTRADICTION, at.at(stepValue), "@Freeze untilStep", "@Freeze untilEpoch", "give one of them");
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
    if (explicit.containsKey("untilEpoch")) {
      if (untilEpoch < 0) {
        report.add(Message.NEGATIVE, at.at(epochValue), "@Freeze untilEpoch", untilEpoch);
      } else if (untilEpoch > epochs) {
        report.add(Message.FREEZE_PAST_END, at.at(epochValue), epochs, untilEpoch);
      } else if (untilEpoch == epochs) {
        report.add(Message.FROZEN_WHOLE_RUN, at.at(epochValue), field.getSimpleName(), "untilEpoch = " + epochs + " = epochs");
      }
      return new Freeze(untilEpoch, -1, reset, Mirrors.intValue(rewarmup), at);
    }
    if (untilStep < 0) {
      report.add(Message.NEGATIVE, at.at(stepValue), "@Freeze untilStep", untilStep);
    } else if (stepsPerEpoch > 0 && (long) untilStep >= (long) epochs * stepsPerEpoch) {
      report.add(Message.FROZEN_WHOLE_RUN, at.at(stepValue), field.getSimpleName(),
          "untilStep = " + untilStep + ", the training has " + (long) epochs * stepsPerEpoch + " steps");
    }
    return new Freeze(-1, untilStep, reset, Mirrors.intValue(rewarmup), at);
  }
}
