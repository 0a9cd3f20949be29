package dev.anneal.processor.validation;

import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.WarmupShape;
import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reads the schedule annotations of the class or of one field into a {@link ScheduleNode} tree:
 * warmup around the main schedule, phases, chains, plateau reduction. Lengths a user leaves out
 * ({@code T_max}, {@code total_steps}, ...) are derived from the time the schedule has: the
 * training less the warmup, or its phase. Time is counted in optimizer steps as a {@link Count}
 * and converted to the schedule's own unit.
 */
final class ScheduleReader {
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "StepLR", List.of("step_size"), "MultiStepLR", List.of("milestones"), "ExponentialLR", List.of("gamma"),
      "CosineAnnealingWarmRestarts", List.of("T_0"), "CyclicLR", List.of("base_lr", "max_lr"),
      "OneCycleLR", List.of("max_lr"), "WarmupStableDecayLR", List.of("num_warmup_steps", "num_decay_steps"),
      "LinearWithWarmupLR", List.of("num_warmup_steps"), "CosineWithWarmupLR", List.of("num_warmup_steps"),
      "CosineWithHardRestartsWithWarmupLR", List.of("num_warmup_steps"));
  private static final Map<String, String> DERIVED_LENGTH = Map.of(
      "CosineAnnealingLR", "T_max", "OneCycleLR", "total_steps", "LinearWithWarmupLR", "num_training_steps",
      "CosineWithWarmupLR", "num_training_steps", "CosineWithHardRestartsWithWarmupLR", "num_training_steps",
      "PolynomialWithWarmupLR", "num_training_steps", "WarmupStableDecayLR", "num_training_steps",
      "timm.CosineLRScheduler", "t_initial");

  private final int epochs;
  private final int stepsPerEpoch;
  private final String optimizerType;
  private Report report;
  private String monitor;

  ScheduleReader(int epochs, int stepsPerEpoch, String optimizerType, Report report) {
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
    this.optimizerType = optimizerType;
    this.report = report;
  }

  /** The metric a plateau schedule watches, once {@link #read} found one. */
  String monitor() {
    return monitor;
  }

  /** The schedule declared on {@code element}, or {@code null} if there is none. */
  ScheduleNode read(Element element) {
    List<AnnotationMirror> mains = new ArrayList<>();
    for (String name : List.of(Names.SCHEDULE, Names.SEQUENTIAL, Names.CHAINED, Names.PLATEAU, Names.LAMBDA)) {
      Mirrors.find(element, name).ifPresent(mains::add);
    }
    for (int i = 1; i < mains.size(); i++) {
      report.add(Message.CONTRADICTION, Location.of(element, mains.get(i)), "@" + simpleName(mains.get(i)),
          "@" + simpleName(mains.get(0)),
          "give one main schedule; compose several with @SequentialSchedule or @ChainedSchedule");
    }
    AnnotationMirror main = mains.isEmpty() ? null : mains.get(0);
    Optional<AnnotationMirror> warmup = Mirrors.find(element, Names.WARMUP);
    Element mainOwner = element;
    if (main == null && warmup.isPresent() && element.getKind().isField()) {
      // a field's warmup without a schedule of its own leads into (a copy of) the class-level one
      mainOwner = element.getEnclosingElement();
      for (String name : List.of(Names.SCHEDULE, Names.SEQUENTIAL, Names.CHAINED, Names.PLATEAU, Names.LAMBDA)) {
        Optional<AnnotationMirror> classMain = Mirrors.find(mainOwner, name);
        if (classMain.isPresent()) {
          main = classMain.get();
          break;
        }
      }
    }
    Count total = Count.epochs(epochs);
    if (warmup.isEmpty()) {
      return main == null ? null : readMain(element, main, total);
    }
    AnnotationMirror w = warmup.get();
    Count length = warmupLength(element, w, total);
    if (length == null) {
      return null;
    }
    ScheduleNode after = null;
    if (main != null && mainOwner != element) {
      // the class-level schedule reports its own problems once, when the class is read
      Report own = report;
      report = new Report();
      String classMonitor = monitor;
      after = readMain(mainOwner, main, total.minus(length));
      report = own;
      monitor = classMonitor;
    } else if (main != null) {
      after = readMain(element, main, total.minus(length));
    }
    if (after != null && after.kwargs().containsKey(OtherSchedules.LAMBDA_KEY)) {
      report.add(Message.CONTRADICTION, Location.of(element, w), "@Warmup", "@LambdaSchedule",
          "a warmup cannot wrap a Java function; write the warmup into the function");
    }
    if (after != null && after.type().equals("OneCycleLR")) {
      report.add(Message.CONTRADICTION, Location.of(element, w), "@Warmup", "OneCycleLR",
          "OneCycleLR warms up by itself (pct_start); remove @Warmup or choose another schedule");
    }
    String interval = after == null ? "STEP" : after.interval();
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    Location at = Location.of(element, w);
    if (interval.equals("EPOCH") && length.constant() != 0) {
      report.add(Message.WARMUP_UNIT, at.at(Mirrors.value(w, "steps")), length.constant(), after.type());
      return null;
    }
    Count steps = interval.equals("EPOCH") ? Count.of(length.perEpoch()) : length;
    kwargs.put("warmup_steps", new Arg(steps, at));
    AnnotationValue factor = Mirrors.explicit(w).get("startFactor");
    if (factor != null) {
      ArgReader.put("Warmup startFactor", "warmup_factor", new Arg(Mirrors.doubleValue(factor), at.at(factor)), kwargs, report);
    }
    String shape = WarmupShape.valueOf(Mirrors.enumName(Mirrors.value(w, "shape"))).pytorchName();
    return new ScheduleNode(shape, interval, kwargs, after == null ? List.of() : List.of(after), at);
  }

  private Count warmupLength(Element element, AnnotationMirror w, Count total) {
    int warmEpochs = Mirrors.intValue(Mirrors.value(w, "epochs"));
    int warmSteps = Mirrors.intValue(Mirrors.value(w, "steps"));
    Location at = Location.of(element, w);
    if (warmEpochs > 0 && warmSteps > 0) {
      report.add(Message.CONTRADICTION, at.at(Mirrors.value(w, "steps")), "@Warmup steps", "@Warmup epochs", "give one of them");
      return null;
    }
    if (warmEpochs <= 0 && warmSteps <= 0) {
      AnnotationValue given = Mirrors.explicit(w).getOrDefault("epochs", Mirrors.explicit(w).get("steps"));
      report.add(Message.WARMUP_NEEDS_LENGTH, given == null ? at : at.at(given));
      return null;
    }
    Count length = warmEpochs > 0 ? Count.epochs(warmEpochs) : Count.of(warmSteps);
    OptionalLong have = total.evaluate(stepsPerEpoch);
    OptionalLong want = length.evaluate(stepsPerEpoch);
    boolean tooLong = warmEpochs > epochs || have.isPresent() && want.isPresent() && want.getAsLong() > have.getAsLong();
    if (tooLong) {
      AnnotationValue value = Mirrors.value(w, warmEpochs > 0 ? "epochs" : "steps");
      report.add(Message.WARMUP_TOO_LONG, at.at(value), warmEpochs > 0 ? warmEpochs + " epochs" : warmSteps + " steps",
          epochs + " epochs" + (have.isPresent() && stepsPerEpoch > 0 ? " = " + have.getAsLong() + " steps" : ""));
      return null;
    }
    return length;
  }

  private ScheduleNode readMain(Element element, AnnotationMirror main, Count available) {
    String name = simpleName(main);
    switch (name) {
      case "Schedule":
        return readSchedule(element, main, available);
      case "SequentialSchedule":
        return readSequential(element, main, available);
      case "ChainedSchedule":
        return readChained(element, main, available);
      case "LambdaSchedule":
        return OtherSchedules.readLambda(element, main, report);
      default:
        ScheduleNode plateau = OtherSchedules.readPlateau(element, main, report);
        monitor = (String) plateau.kwargs().get(OtherSchedules.MONITOR_KEY).value();
        return OtherSchedules.withoutMonitor(plateau);
    }
  }

  private ScheduleNode readSchedule(Element element, AnnotationMirror mirror, Count available) {
    Location at = Location.of(element, mirror);
    AnnotationValue typeValue = Mirrors.value(mirror, "type");
    String type = ScheduleType.valueOf(Mirrors.enumName(typeValue)).pytorchName();
    String interval = Mirrors.enumName(Mirrors.value(mirror, "interval"));
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    Map<String, ArgKind> table = Arguments.schedule(type);
    ArgReader.read("Schedule", type, table, element, mirror, Set.of("type", "interval"), kwargs, report);
    for (String required : REQUIRED.getOrDefault(type, List.of())) {
      if (!kwargs.containsKey(required)) {
        report.add(Message.MISSING_ARGUMENT, at.at(typeValue), type, required, attributeFor(required));
      }
    }
    Count length = inUnit(available, interval);
    String derived = DERIVED_LENGTH.get(type);
    if (derived != null && !kwargs.containsKey(derived)) {
      kwargs.put(derived, new Arg(length, at.at(typeValue)));
    }
    OptionalLong known = length.evaluate(stepsPerEpoch);
    String unit = interval.equals("STEP") ? "steps" : "epochs";
    if (known.isPresent()) {
      Arg stepSize = kwargs.get("step_size");
      if (type.equals("StepLR") && stepSize != null && stepSize.asDouble() >= known.getAsLong()) {
        report.add(Message.MILESTONE_AFTER_END, stepSize.where(), "StepLR step_size", ValueRules.show(stepSize.value()),
            known.getAsLong() + " " + unit);
      }
      Arg milestones = kwargs.get("milestones");
      if (milestones != null && lastOf(milestones) >= known.getAsLong()) {
        report.add(Message.MILESTONE_AFTER_END, milestones.where(), "MultiStepLR milestone", lastOf(milestones),
            known.getAsLong() + " " + unit);
      }
      if (type.equals("OneCycleLR")) {
        checkOneCycle(kwargs, known.getAsLong(), unit);
      }
    }
    if (type.equals("CyclicLR") || type.equals("OneCycleLR")) {
      Arg cycle = kwargs.get("cycle_momentum");
      Map<String, ArgKind> optimizer = Arguments.optimizer(optimizerType);
      if ((cycle == null || Boolean.TRUE.equals(cycle.value()))
          && !optimizer.containsKey("momentum") && !optimizer.containsKey("betas")) {
        report.add(Message.CYCLE_MOMENTUM, cycle == null ? at.at(typeValue) : cycle.where(), type, optimizerType);
      }
    }
    return new ScheduleNode(type, interval, kwargs, List.of(), at);
  }

  private void checkOneCycle(Map<String, Arg> kwargs, long length, String unit) {
    Arg total = kwargs.get("total_steps");
    long steps = total.value() instanceof Count count ? count.evaluate(stepsPerEpoch).orElse(length) : (long) total.asDouble();
    if (steps < length) {
      report.add(Message.SCHEDULE_TOO_SHORT, total.where(), "OneCycleLR total_steps", steps + " " + unit, length + " " + unit);
      return;
    }
    Arg pct = kwargs.get("pct_start");
    double pctStart = pct == null ? 0.3 : pct.asDouble();
    if (pctStart > 0 && pctStart < 1 && (pctStart * steps <= 1 || (1 - pctStart) * steps <= 1)) {
      report.add(Message.ONE_CYCLE_FIT, pct == null ? total.where() : pct.where(),
          "pct_start " + ValueRules.show(pctStart) + " of " + steps + " " + unit
              + " leaves a phase without a step; use a step interval, train longer or move pct_start toward 0.5");
    }
  }

  private ScheduleNode readSequential(Element element, AnnotationMirror mirror, Count available) {
    Location at = Location.of(element, mirror);
    List<AnnotationValue> schedules = Mirrors.list(Mirrors.value(mirror, "value"));
    AnnotationValue milestonesValue = Mirrors.value(mirror, "milestones");
    List<Integer> milestones = new ArrayList<>();
    for (AnnotationValue item : Mirrors.list(milestonesValue)) {
      milestones.add(Mirrors.intValue(item));
    }
    Arg milestoneArg = new Arg(milestones, at.at(milestonesValue));
    if (milestones.size() != schedules.size() - 1) {
      report.add(Message.MILESTONE_COUNT, milestoneArg.where(), schedules.size(), milestones.size());
      return null;
    }
    int errors = errorCount();
    ValueRules.increasing("@SequentialSchedule milestones", milestones, milestoneArg, report);
    if (errorCount() > errors) {
      return null;
    }
    String interval = schedules.isEmpty() ? "EPOCH"
        : Mirrors.enumName(Mirrors.value(Mirrors.annotation(schedules.get(0)), "interval"));
    checkSameInterval(element, schedules, interval);
    List<ScheduleNode> children = new ArrayList<>();
    Count start = Count.of(0);
    for (int i = 0; i < schedules.size(); i++) {
      Count end = i < milestones.size() ? inSteps(milestones.get(i), interval) : available;
      ScheduleNode child = readSchedule(element, Mirrors.annotation(schedules.get(i)), end.minus(start));
      children.add(child);
      start = end;
    }
    OptionalLong known = inUnit(available, interval).evaluate(stepsPerEpoch);
    if (!milestones.isEmpty() && known.isPresent() && milestones.get(milestones.size() - 1) >= known.getAsLong()) {
      report.add(Message.MILESTONE_AFTER_END, milestoneArg.where(), "@SequentialSchedule milestone",
          milestones.get(milestones.size() - 1), known.getAsLong() + (interval.equals("STEP") ? " steps" : " epochs"));
    }
    return new ScheduleNode("SequentialLR", interval, Map.of("milestones", milestoneArg), children, at);
  }

  private ScheduleNode readChained(Element element, AnnotationMirror mirror, Count available) {
    List<AnnotationValue> schedules = Mirrors.list(Mirrors.value(mirror, "value"));
    String interval = schedules.isEmpty() ? "EPOCH"
        : Mirrors.enumName(Mirrors.value(Mirrors.annotation(schedules.get(0)), "interval"));
    checkSameInterval(element, schedules, interval);
    List<ScheduleNode> children = new ArrayList<>();
    for (AnnotationValue schedule : schedules) {
      children.add(readSchedule(element, Mirrors.annotation(schedule), available));
    }
    return new ScheduleNode("ChainedScheduler", interval, Map.of(), children, Location.of(element, mirror));
  }

  private void checkSameInterval(Element element, List<AnnotationValue> schedules, String interval) {
    for (AnnotationValue schedule : schedules) {
      AnnotationMirror child = Mirrors.annotation(schedule);
      AnnotationValue value = Mirrors.value(child, "interval");
      if (!Mirrors.enumName(value).equals(interval)) {
        report.add(Message.CONTRADICTION, new Location(element, child, value), "interval " + Mirrors.enumName(value),
            "interval " + interval + " of the first schedule", "composed schedules step together; give them one interval");
        return;
      }
    }
  }

  private int errorCount() {
    return (int) report.entries().stream().filter(e -> !e.message().isWarning()).count();
  }

  /** Time in optimizer steps converted to the schedule's unit (a step count only has whole epochs if it has no constant part). */
  private static Count inUnit(Count steps, String interval) {
    return interval.equals("STEP") ? steps : Count.of(steps.perEpoch());
  }

  private static Count inSteps(int amount, String interval) {
    return interval.equals("STEP") ? Count.of(amount) : Count.epochs(amount);
  }

  private static long lastOf(Arg list) {
    List<Number> items = list.asList();
    return items.isEmpty() ? 0 : items.get(items.size() - 1).longValue();
  }

  private static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  private static String attributeFor(String kwarg) {
    for (Map.Entry<String, String> entry : Arguments.ATTRIBUTE_TO_KWARG.entrySet()) {
      if (entry.getValue().equals(kwarg)) {
        return entry.getKey() + " = ...";
      }
    }
    return "kwargs = @Kwarg(name = \"" + kwarg + "\", value = \"...\")";
  }
}
