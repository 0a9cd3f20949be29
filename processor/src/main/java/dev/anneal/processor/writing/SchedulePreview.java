package dev.anneal.processor.writing;

import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.EmaModel;
import dev.anneal.processor.model.Freeze;
import dev.anneal.processor.model.FunctionRef;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ParamSplits;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.TrainingModel;
import dev.anneal.processor.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.DoubleFunction;
import dev.anneal.vocabulary.LrCurve;

/**
 * The compile-time preview: one row per epoch, one column per group, the lr in effect at the
 * epoch's first optimizer step, with freeze marks. The lrs are the descriptors' closed forms
 * ({@link ScheduleMath}) at the schedule's {@link #position}. A step-interval schedule whose steps
 * per epoch are known only at run time is shown where its lr at an epoch's start does not depend on
 * them, and otherwise marked with the reason ({@link StepsPerEpochFree}).
 */
final class SchedulePreview {
  private static final int MAX_ROWS = 1000;

  private SchedulePreview() {}

  static String table(TrainingModel model) {
    int spe = model.stepsPerEpoch();
    int layerGroups = layerGroups(model);
    ScheduleMath math = new ScheduleMath(spe, layerGroups);
    StringBuilder out = new StringBuilder();
    out.append("Schedule preview of ").append(model.type().getQualifiedName()).append(", written by the Anneal processor.\n");
    out.append("Optimizer ").append(model.optimizerName()).append(", ").append(model.epochs()).append(" epochs, ")
        .append(spe > 0 ? spe + " optimizer steps per epoch" : "steps per epoch given at run time").append(".\n");
    out.append("Main schedule: ").append(model.schedule() == null ? "none (constant lr)" : describe(model.schedule(), spe))
        .append(model.plateauOnTop() == null ? "" : ", with ReduceLROnPlateau on " + model.monitor() + " on top (per epoch, after it)")
        .append('\n');
    for (GroupModel group : model.groups()) {
      if (group.schedule() != null) {
        out.append("Schedule of group ").append(group.name()).append(": ").append(describe(group.schedule(), spe)).append('\n');
      }
    }
    List<ParamSplits.KindRule> kinds = model.groups().isEmpty() ? List.of() : model.groups().get(0).splits().kinds();
    if (!kinds.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (ParamSplits.KindRule kind : kinds) {
        parts.add(kind.suffix() + " (" + kind.kind() + ": lr x " + Value.showNumber(kind.lrFactor())
            + (kind.weightDecay() == null ? "" : ", weight_decay " + Value.showNumber(kind.weightDecay())) + ")");
      }
      out.append("Kind groups in every group, the first match wins: ").append(String.join(", ", parts)).append('\n');
    }
    if (model.ema() != null) {
      EmaModel ema = model.ema();
      out.append("EMA of the weights: decay ").append(Value.showNumber(ema.decay()));
      if (ema.ramped()) {
        out.append(" ramped as YOLOv5's ModelEMA to decay * (1 - exp(-updates / ").append(Value.showNumber(ema.rampTau()))
            .append(")) from a copy of the weights");
      } else if (ema.adjustedForBatch() != 0) {
        out.append(", adjusted for ").append(ema.adjustedForBatch()).append(" samples per step to ")
            .append(ScientificNotation.of(ema.effectiveDecay(model.epochs())));
      }
      out.append(", updated every ").append(ema.everySteps()).append(ema.everySteps() == 1 ? " step" : " steps");
      if (ema.copyDuringEpochs() > 0) {
        out.append(", copying the weights during epochs 0-").append(ema.copyDuringEpochs() - 1);
      }
      out.append(".\n");
    }
    if (model.swaFromEpoch() != null) {
      out.append("SWA of the weights: the equal average at the ends of epochs ").append(model.swaFromEpoch()).append('-')
          .append(model.epochs() - 1).append(".\n");
    }
    out.append("Cells: lr at the first optimizer step of the epoch. F = frozen all epoch, U = unfreezes in this epoch,\n")
        .append("~ = plateau reduction may lower it at run time, n/a = not evaluated at compile time");
    int legendEnd = out.length();
    out.append(".\n\n");

    List<String> header = new ArrayList<>(List.of("epoch"));
    model.groups().forEach(g -> header.add(g.name()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    List<String> notes = new ArrayList<>();
    int shown = Math.min(model.epochs(), MAX_ROWS);
    if (shown < model.epochs()) {
      notes.add("Only the first " + MAX_ROWS + " of " + model.epochs() + " epochs are shown.");
    }
    // many groups share an lr: each distinct value is written once
    Map<Double, String> written = new HashMap<>();
    DoubleFunction<String> number = value -> written.computeIfAbsent(value, ScientificNotation::of);
    for (int epoch = 0; epoch < shown; epoch++) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(epoch)));
      int driven = 0;
      for (GroupModel group : model.groups()) {
        ScheduleNode schedule = group.schedule() != null ? group.schedule() : model.schedule();
        // the index among the groups this schedule drives, for arguments given per group (max_lr lists)
        int index = group.schedule() != null ? 0 : driven++;
        String cell = cell(math, schedule, index, model.lrOf(group), epoch, spe, notes, number, holdEnd(model, schedule),
            group.schedule() != null ? 1 : layerGroups);
        boolean reducedOnTop = model.plateauOnTop() != null && group.schedule() == null && !cell.endsWith("~") && !cell.startsWith("n/a");
        row.add(mark(group.freeze(), epoch, spe) + cell + (reducedOnTop ? "~" : ""));
      }
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(i == 0 ? "" : "  ").append(" ".repeat(widths[i] - cell.length())).append(cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (GroupModel group : model.groups()) {
      if (group.freeze() != null && group.freeze().trainNorm()) {
        notes.add("F in " + group.name() + ": its norm layers keep training (trainNorm, fastai's train_bn).");
      }
    }
    if (notes.stream().anyMatch(note -> note.startsWith("("))) {
      out.insert(legendEnd, ",\nn/a(k) = depends on the steps per epoch, known only at run time, for reason (k) below");
    }
    notes.stream().distinct().forEach(note -> out.append('\n').append(note));
    return out.append(notes.isEmpty() ? "" : "\n").toString();
  }

  /**
   * The step where the class's step warmup ends when it holds the class schedule after it
   * ({@code hold_after}) and {@code schedule} follows that schedule (the class's warmup, or a
   * field's own step warmup into it), else -1.
   */
  static long holdEnd(TrainingModel model, ScheduleNode schedule) {
    if (model.schedule() instanceof ScheduleNode.Warmup plan && plan.isStepsBeforeEpochs() && plan.stepOnly().containsKey("hold_after")
        && schedule instanceof ScheduleNode.Warmup own && own.isStepsBeforeEpochs() && own.after().equals(plan.after())) {
      return plan.stepsWith(model.stepsPerEpoch()).orElse(-1);
    }
    return -1;
  }

  /**
   * The layer groups the main schedule drives, as the runtime counts them for fastai's
   * {@code fine_tune} (its groups in order, a group's no-decay part within it), or -1 where a group
   * becomes several only at run time (a layer decay, kind groups).
   */
  static int layerGroups(TrainingModel model) {
    int count = 0;
    for (GroupModel group : model.groups()) {
      if (group.schedule() == null) {
        if (group.splits().layerDecay() != null || !group.splits().kinds().isEmpty()) {
          return -1;
        }
        count++;
      }
    }
    return count;
  }

  private static String cell(ScheduleMath math, ScheduleNode schedule, int index, double base, int epoch, int spe, List<String> notes,
      DoubleFunction<String> number, long holdEnd, int layerGroups) {
    if (schedule == null) {
      return number.apply(base);
    }
    String mark = schedule.containsPlateau() ? "~" : "";
    if (spe <= 0 && needsStepsPerEpoch(schedule)) {
      return StepsPerEpochFree.cell(schedule, index, base, epoch, layerGroups, notes, value -> number.apply(value) + mark);
    }
    OptionalDouble lr = lrAtEpochStart(math, schedule, index, base, epoch, spe, holdEnd);
    if (lr.isEmpty()) {
      notes.add(notEvaluated(schedule));
      return "n/a";
    }
    return number.apply(lr.getAsDouble()) + mark;
  }

  /** Whether the tree counts optimizer steps, so that its position at an epoch's start is {@code epoch * stepsPerEpoch}. */
  static boolean needsStepsPerEpoch(ScheduleNode schedule) {
    return schedule.isStepInterval() || schedule instanceof ScheduleNode.Warmup warmup && warmup.isStepsBeforeEpochs();
  }

  static String notEvaluated(ScheduleNode schedule) {
    return name(schedule) + " is not evaluated at compile time; the plan computes it at run time.";
  }

  /**
   * The lr at the first optimizer step of {@code epoch} with {@code spe} steps per epoch (known:
   * {@code spe > 0}, or not needed), or empty when a closed form is missing.
   */
  static OptionalDouble lrAtEpochStart(ScheduleMath math, ScheduleNode schedule, int index, double base, int epoch, int spe) {
    return lrAtEpochStart(math, schedule, index, base, epoch, spe, -1);
  }

  /** {@code holdEnd}: see {@link #holdEnd}. */
  static OptionalDouble lrAtEpochStart(ScheduleMath math, ScheduleNode schedule, int index, double base, int epoch, int spe,
      long holdEnd) {
    if (schedule instanceof ScheduleNode.Warmup warmup && warmup.isStepsBeforeEpochs()) {
      // the warmup's factor at the epoch's first optimizer step times the schedule's value at the epoch
      Optional<LrCurve> factor = math.stepWarmupFactor(warmup);
      if (warmup.after() == null) {
        return factor.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(factor.get().lr(0, 1.0, (long) epoch * Math.max(spe, 0)) * base);
      }
      Optional<LrCurve> after = math.curve(warmup.after());
      // the schedule at its own position: the epoch, or the epoch's first step for a per-step schedule (multipliesSchedule)
      OptionalLong at = position(warmup.after(), epoch, spe);
      if (factor.isEmpty() || after.isEmpty() || at.isEmpty()) {
        return OptionalDouble.empty();
      }
      long step = (long) epoch * Math.max(spe, 0);
      if (warmup.stepsWith(spe).isEmpty()) {
        return OptionalDouble.empty();
      }
      long n = warmup.stepsWith(spe).getAsLong();
      long position = at.getAsLong();
      if (holdEnd >= 0 && spe > 0 && epoch > holdEnd / spe) {
        position = epoch - 1;   // the schedule skipped its step at the end of the warmup's last epoch
      }
      double scheduled = after.get().lr(index, base, position);
      Arg start = warmup.stepOnly().get("warmup_start_lr");
      if (start != null) {
        // numpy's interp from the absolute start to the scheduled lr, as the runtime's StepWarmup
        return OptionalDouble.of(step >= n ? scheduled : (scheduled - start.asDouble()) / n * step + start.asDouble());
      }
      return OptionalDouble.of(factor.get().lr(0, 1.0, step) * scheduled);
    }
    OptionalLong t = position(schedule, epoch, spe);
    Optional<LrCurve> curve = math.curve(schedule);
    if (t.isEmpty() || curve.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(curve.get().lr(index, base, t.getAsLong()));
  }

  /**
   * The schedule's position at the first optimizer step of {@code epoch}, in its own unit; empty
   * for a step-interval schedule whose steps per epoch are known only at run time.
   */
  static OptionalLong position(ScheduleNode schedule, int epoch, int spe) {
    if (!schedule.isStepInterval()) {
      return OptionalLong.of(epoch);
    }
    return spe > 0 ? OptionalLong.of((long) epoch * spe) : OptionalLong.empty();
  }

  private static String mark(Freeze freeze, int epoch, int spe) {
    if (freeze == null) {
      return "";
    }
    if (freeze.untilEpoch() >= 0) {
      return epoch < freeze.untilEpoch() ? "F " : epoch == freeze.untilEpoch() ? "U " : "";
    }
    if (spe <= 0) {
      return freeze.untilStep() > 0 && epoch == 0 ? "F(until step " + freeze.untilStep() + ") " : "";
    }
    long first = (long) epoch * spe;
    long last = first + spe - 1;
    return last < freeze.untilStep() ? "F " : first < freeze.untilStep() || first == freeze.untilStep() && epoch > 0 ? "U " : "";
  }

  /** {@code LinearWarmup(warmup_steps=1 epoch) -> CosineAnnealingLR(...)}, per step or epoch. */
  static String describe(ScheduleNode node, int spe) {
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    if (node instanceof ScheduleNode.Single single) {
      kwargs.putAll(single.kwargs());
    } else if (node instanceof ScheduleNode.Plateau plateau) {
      kwargs.putAll(plateau.kwargs());
    } else if (node instanceof ScheduleNode.Sequential sequence) {
      kwargs.put("milestones", sequence.milestones());
    } else if (node instanceof ScheduleNode.Warmup warmup) {
      kwargs.put("warmup_steps", new Arg(warmup.steps(), warmup.where()));
      if (warmup.factor() != null) {
        kwargs.put("warmup_factor", warmup.factor());
      }
      kwargs.putAll(warmup.stepOnly());
      if (warmup.minSteps() != null) {
        kwargs.put("min_steps", warmup.minSteps());
      }
    } else if (node instanceof ScheduleNode.Lambda lambda) {
      kwargs.put("lr_lambda", new Arg(lambda.function(), lambda.where()));
    }
    StringBuilder text = new StringBuilder(name(node)).append('(');
    boolean first = true;
    for (Map.Entry<String, Arg> kwarg : kwargs.entrySet()) {
      text.append(first ? "" : ", ").append(kwarg.getKey()).append('=').append(show(kwarg.getValue().value(), spe));
      first = false;
    }
    text.append(')');
    if (!node.children().isEmpty()) {
      // detectron2's warmup: a factor on the schedule, which counts from step 0
      text.append(node instanceof ScheduleNode.Warmup warmup && warmup.multiplies() ? " multiplying [" : " [");
      for (int i = 0; i < node.children().size(); i++) {
        text.append(i == 0 ? "" : ", ").append(describe(node.children().get(i), spe));
      }
      text.append(']');
    }
    return text.append(node.isStepInterval() ? " per step" : " per epoch").toString();
  }

  private static String show(Value value, int spe) {
    if (value instanceof Value.Reals reals) {
      return reals.values().toString();
    }
    if (value instanceof Value.Wholes wholes) {
      return wholes.values().toString();
    }
    return value instanceof FunctionRef ? value.show() : Literals.of(value, spe).toString();
  }

  /** The type name a node has in the runtime's specs. */
  static String name(ScheduleNode node) {
    if (node instanceof ScheduleNode.Single single) {
      return single.typeName();
    }
    if (node instanceof ScheduleNode.Warmup warmup) {
      return warmup.shape().pytorchName();
    }
    if (node instanceof ScheduleNode.Lambda lambda) {
      return lambda.typeName();
    }
    return node instanceof ScheduleNode.Sequential ? "SequentialLR"
        : node instanceof ScheduleNode.Chained ? "ChainedScheduler" : "ReduceLROnPlateau";
  }
}
