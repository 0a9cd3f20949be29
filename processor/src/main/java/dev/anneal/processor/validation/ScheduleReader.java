package dev.anneal.processor.validation;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.WarmupShape;
import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reads the schedule annotations of the class or of one field into a {@link ScheduleNode} tree
 * as written: warmup around the main schedule, phases, chains, plateau reduction, a Java
 * function. Lengths left out are derived afterwards ({@link Lengths}), the tree is checked
 * against the training ({@link ScheduleChecks}); here only what one annotation says is checked.
 */
final class ScheduleReader {
  private static final List<String> MAINS = List.of(Names.SCHEDULE, Names.SEQUENTIAL, Names.CHAINED, Names.PLATEAU, Names.LAMBDA);

  private final TypeResolver types;
  private final ArgReader args;
  private final Report report;
  private String monitor;
  private ScheduleNode.Plateau plateauOnTop;

  ScheduleReader(TypeResolver types, ArgReader args, Report report) {
    this.types = types;
    this.args = args;
    this.report = report;
  }

  /** {@return the metric a plateau schedule watches, once {@link #read} found one} */
  String monitor() {
    return monitor;
  }

  /**
   * {@return a class-level {@code @ReduceLrOnPlateau} declared next to another main schedule: a
   * second scheduler on the same optimizer, stepped with the monitored metric at every epoch's end
   * after the main one has stepped (Lightning's loop over two schedulers); {@code null} if none}
   */
  ScheduleNode.Plateau plateauOnTop() {
    return plateauOnTop;
  }

  /**
   * The schedule declared on {@code element}, or {@code null} if there is none (or it is broken).
   * {@code classMain} is the class-level main schedule a field's warmup leads into when the field
   * has no schedule of its own.
   */
  ScheduleNode read(Element element, ScheduleNode classMain) {
    List<AnnotationMirror> mains = new ArrayList<>();
    for (String name : MAINS) {
      Mirrors.find(element, name).ifPresent(mains::add);
    }
    int plateauAt = mains.stream().map(ScheduleReader::simpleName).toList().indexOf("ReduceLrOnPlateau");
    if (mains.size() == 2 && plateauAt >= 0 && !element.getKind().isField()) {
      // a schedule with plateau reduction on top: two schedulers on one optimizer, as Lightning and the DSL allow
      OtherSchedules.ReadPlateau plateau = OtherSchedules.readPlateau(element, mains.remove(plateauAt),
          types.builtInScheduler("ReduceLROnPlateau"), args, report);
      monitor = plateau.monitor();
      plateauOnTop = plateau.node();
    }
    for (int i = 1; i < mains.size(); i++) {
      report.add(Message.TWO_MAIN_SCHEDULES, Location.of(element, mains.get(i)), simpleName(mains.get(i)), simpleName(mains.get(0)));
    }
    ScheduleNode main = mains.isEmpty() ? null : readMain(element, mains.get(0));
    Optional<AnnotationMirror> warmup = Mirrors.find(element, Names.WARMUP);
    if (warmup.isEmpty()) {
      return main;
    }
    if (mains.isEmpty() && element.getKind().isField()) {
      main = classMain;
    } else if (!mains.isEmpty() && main == null) {
      return null;
    }
    return readWarmup(element, warmup.get(), main);
  }

  private ScheduleNode readWarmup(Element element, AnnotationMirror w, ScheduleNode after) {
    Location at = Location.of(element, w);
    Map<String, AnnotationValue> explicit = Mirrors.explicit(w);
    int epochs = Mirrors.intValue(Mirrors.value(w, "epochs"));
    int steps = Mirrors.intValue(Mirrors.value(w, "steps"));
    if (epochs > 0 && steps > 0) {
      report.add(Message.WARMUP_EPOCHS_AND_STEPS, at.at(Mirrors.value(w, "steps")));
      return null;
    }
    if (epochs <= 0 && steps <= 0) {
      AnnotationValue given = explicit.getOrDefault("epochs", explicit.get("steps"));
      report.add(Message.WARMUP_NEEDS_LENGTH, given == null ? at : at.at(given));
      return null;
    }
    boolean perEpoch = after != null && after.interval() == Interval.EPOCH;
    if (after instanceof ScheduleNode.Lambda && !(perEpoch && steps > 0)) {
      // a warmup in steps before a per-epoch function is a factor of the plan's; anything else would wrap the function
      report.add(Message.WARMUP_AROUND_LAMBDA, at);
      return null;
    }
    if (after instanceof ScheduleNode.Single single && single.typeName().equals("OneCycleLR")) {
      report.add(Message.WARMUP_BEFORE_ONE_CYCLE, at);
      return null;
    }
    WarmupShape shape = WarmupShape.valueOf(Mirrors.enumName(Mirrors.value(w, "shape")));
    Arg factor = null;
    AnnotationValue factorValue = explicit.get("startFactor");
    if (factorValue != null) {
      Descriptor warmup = types.builtInScheduler(shape.pytorchName());
      Map<String, Arg> checked = new LinkedHashMap<>();
      args.put("@Warmup startFactor", warmup, warmup.argument("warmup_factor").orElseThrow(), factorValue.getValue(),
          at.at(factorValue), checked);
      factor = checked.get("warmup_factor");
      if (factor == null) {
        return null;
      }
    }
    AnnotationValue minValue = explicit.get("minSteps");
    Arg minSteps = null;
    if (minValue != null) {
      int min = Mirrors.intValue(minValue);
      if (epochs <= 0) {
        report.add(Message.WARMUP_MIN_STEPS_NEEDS_EPOCHS, at.at(minValue));
        return null;
      }
      if (!perEpoch) {
        report.add(Message.WARMUP_STEP_ONLY, at.at(minValue), "minSteps", "is not followed by a schedule stepped per epoch");
        return null;
      }
      if (min < 1) {
        report.add(Message.OUT_OF_RANGE, at.at(minValue), "@Warmup minSteps", "must be at least 1, was " + min);
        return null;
      }
      minSteps = new Arg(Count.of(min), at.at(minValue));
    }
    Map<String, Arg> stepOnly = readStepOnly(element, w, shape, (steps > 0 || minSteps != null) && perEpoch, factorValue != null,
        epochs > 0);
    if (stepOnly == null) {
      return null;
    }
    Location length = at.at(Mirrors.value(w, epochs > 0 ? "epochs" : "steps"));
    boolean multiplies = (Boolean) Mirrors.value(w, "multipliesSchedule").getValue();
    if (minSteps != null) {
      // YOLOv5's max(round(warmup_epochs * nb), 100): a step warmup of at least minSteps
      return new ScheduleNode.Warmup(shape, Interval.STEP, Count.epochs(epochs), factor, after, length, stepOnly, minSteps,
          multiplies);
    }
    if (!stepOnly.isEmpty()) {
      return new ScheduleNode.Warmup(shape, Interval.STEP, Count.of(steps), factor, after, length, stepOnly, null, multiplies);
    }
    if (multiplies) {
      // detectron2's: a factor per optimizer step on the schedule, which counts from step 0
      return new ScheduleNode.Warmup(shape, Interval.STEP, epochs > 0 ? Count.epochs(epochs) : Count.of(steps), factor, after,
          length, true);
    }
    if (epochs > 0) {
      // counted in the unit of the schedule it precedes: epochs before a per-epoch schedule, else steps
      return new ScheduleNode.Warmup(shape, perEpoch ? Interval.EPOCH : Interval.STEP,
          perEpoch ? Count.of(epochs) : Count.epochs(epochs), factor, after, length);
    }
    return new ScheduleNode.Warmup(shape, Interval.STEP, Count.of(steps), factor, after, length);
  }

  /**
   * {@code @Warmup startLr}, {@code startMomentum}, {@code holdAfter} as LinearWarmup's step-warmup
   * arguments, checked against the descriptor's ranges; empty when none is given, null after an error.
   */
  private Map<String, Arg> readStepOnly(Element element, AnnotationMirror w, WarmupShape shape, boolean stepsBeforeEpochs,
      boolean hasFactor, boolean inEpochs) {
    Location at = Location.of(element, w);
    Map<String, AnnotationValue> explicit = Mirrors.explicit(w);
    Map<String, String> names = new LinkedHashMap<>();
    names.put("startLr", "warmup_start_lr");
    names.put("startMomentum", "warmup_momentum");
    names.put("holdAfter", "hold_after");
    Map<String, Arg> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, String> name : names.entrySet()) {
      AnnotationValue value = explicit.get(name.getKey());
      if (value == null || name.getKey().equals("holdAfter") && Boolean.FALSE.equals(value.getValue())) {
        continue;
      }
      String attribute = name.getKey();
      if (!stepsBeforeEpochs) {
        report.add(Message.WARMUP_STEP_ONLY, at.at(value), attribute,
            inEpochs ? "is counted in epochs" : "is not followed by a schedule stepped per epoch");
        ok = false;
      } else if (shape != WarmupShape.LINEAR) {
        report.add(Message.WARMUP_LINEAR_ONLY, at.at(value), attribute, shape);
        ok = false;
      } else if (attribute.equals("startLr") && hasFactor) {
        report.add(Message.WARMUP_START_LR_AND_FACTOR, at.at(value));
        ok = false;
      } else if (attribute.equals("holdAfter") && element.getKind().isField()) {
        report.add(Message.WARMUP_HOLD_ON_FIELD, at.at(value), element.getSimpleName());
        ok = false;
      } else {
        Descriptor linear = types.builtInScheduler(WarmupShape.LINEAR.pytorchName());
        Map<String, Arg> checked = new LinkedHashMap<>();
        args.put("@Warmup " + attribute, linear, linear.argument(name.getValue()).orElseThrow(), value.getValue(),
            at.at(value), checked);
        Arg arg = checked.get(name.getValue());
        if (arg == null) {
          ok = false;
        } else {
          out.put(name.getValue(), arg);
        }
      }
    }
    return ok ? out : null;
  }

  private ScheduleNode readMain(Element element, AnnotationMirror main) {
    switch (simpleName(main)) {
      case "Schedule":
        return readSchedule(element, main);
      case "SequentialSchedule":
        return readSequential(element, main);
      case "ChainedSchedule":
        return readChained(element, main);
      case "LambdaSchedule":
        return OtherSchedules.readLambda(element, main, report);
      default:
        OtherSchedules.ReadPlateau plateau = OtherSchedules.readPlateau(element, main, types.builtInScheduler("ReduceLROnPlateau"),
            args, report);
        monitor = plateau.monitor();
        return plateau.node();
    }
  }

  private ScheduleNode readSchedule(Element element, AnnotationMirror mirror) {
    Location at = Location.of(element, mirror);
    Descriptor descriptor = types.schedule(element, mirror);
    if (descriptor == null) {
      return null;
    }
    ScheduleType type = TypeResolver.scheduleType(mirror);
    Interval interval = Interval.valueOf(Mirrors.enumName(Mirrors.value(mirror, "interval")));
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    int errors = report.errorCount();
    args.read(descriptor, element, mirror, Set.of("type", "custom", "interval"), kwargs);
    AnnotationValue named = Mirrors.explicit(mirror).getOrDefault("type", Mirrors.explicit(mirror).get("custom"));
    ScheduleNode.Single single = new ScheduleNode.Single(type, descriptor, interval, kwargs, named == null ? at : at.at(named));
    if (report.errorCount() == errors) {
      args.checkWhole(descriptor, kwargs, single.where(), mirror);
    }
    return single;
  }

  private ScheduleNode readSequential(Element element, AnnotationMirror mirror) {
    Location at = Location.of(element, mirror);
    List<AnnotationValue> schedules = Mirrors.list(Mirrors.value(mirror, "value"));
    AnnotationValue milestonesValue = Mirrors.value(mirror, "milestones");
    List<Long> milestones = new ArrayList<>();
    for (AnnotationValue item : Mirrors.list(milestonesValue)) {
      milestones.add((long) Mirrors.intValue(item));
    }
    if (milestones.size() != schedules.size() - 1) {
      report.add(Message.MILESTONE_COUNT, at.at(milestonesValue), schedules.size(), milestones.size());
      return null;
    }
    int errors = report.errorCount();
    Descriptor sequential = types.builtInScheduler("SequentialLR");
    Map<String, Arg> checked = new LinkedHashMap<>();
    args.put("@SequentialSchedule milestones", sequential, sequential.argument("milestones").orElseThrow(),
        milestones.stream().map(Long::intValue).toList(), at.at(milestonesValue), checked);
    Arg milestoneArg = checked.getOrDefault("milestones", new Arg(new Value.Wholes(milestones), at.at(milestonesValue)));
    Interval interval = sameInterval(element, schedules);
    List<ScheduleNode> phases = new ArrayList<>();
    for (AnnotationValue schedule : schedules) {
      phases.add(readSchedule(element, Mirrors.annotation(schedule)));
    }
    return report.errorCount() > errors ? null : new ScheduleNode.Sequential(interval, milestoneArg, phases, at);
  }

  private ScheduleNode readChained(Element element, AnnotationMirror mirror) {
    List<AnnotationValue> schedules = Mirrors.list(Mirrors.value(mirror, "value"));
    int errors = report.errorCount();
    Interval interval = sameInterval(element, schedules);
    List<ScheduleNode> members = new ArrayList<>();
    for (AnnotationValue schedule : schedules) {
      members.add(readSchedule(element, Mirrors.annotation(schedule)));
    }
    return report.errorCount() > errors ? null : new ScheduleNode.Chained(interval, members, Location.of(element, mirror));
  }

  /** The interval of the first composed schedule, after reporting any that steps otherwise. */
  private Interval sameInterval(Element element, List<AnnotationValue> schedules) {
    if (schedules.isEmpty()) {
      return Interval.EPOCH;
    }
    String first = Mirrors.enumName(Mirrors.value(Mirrors.annotation(schedules.get(0)), "interval"));
    for (AnnotationValue schedule : schedules) {
      AnnotationMirror child = Mirrors.annotation(schedule);
      AnnotationValue value = Mirrors.value(child, "interval");
      if (!Mirrors.enumName(value).equals(first)) {
        report.add(Message.MIXED_INTERVALS, new Location(element, child, value), Mirrors.enumName(value), first);
        break;
      }
    }
    return Interval.valueOf(first);
  }

  private static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }
}
