package dev.anneal.processor.validation;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.builtin.FastaiCurves;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Checks a schedule tree as read against the training: arguments a schedule cannot do without,
 * a warmup past the end, milestones that never fire, OneCycleLR phases that do not fit its
 * length, momentum cycling on an optimizer without momentum.
 */
final class ScheduleChecks {
  private final Lengths lengths;
  private final Descriptor optimizer;
  private final Report report;
  private final java.util.Set<ScheduleNode> sharedBoundsWarned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  ScheduleChecks(Lengths lengths, Descriptor optimizer, Report report) {
    this.lengths = lengths;
    this.optimizer = optimizer;
    this.report = report;
  }

  /**
   * Checks {@code node}, which has {@code available} optimizer steps; {@code inherited} (the
   * class-level schedule a field's warmup leads into) was checked with the class and is skipped.
   */
  void check(ScheduleNode node, Count available, ScheduleNode inherited) {
    if (node == null || node == inherited) {
      return;
    }
    if (node instanceof ScheduleNode.Single single) {
      checkSingle(single, available);
    } else if (node instanceof ScheduleNode.Warmup warmup) {
      Arg momentum = warmup.stepOnly().get("warmup_momentum");
      if (momentum != null && optimizer.argument("momentum").isEmpty() && optimizer.argument("betas").isEmpty()) {
        report.add(Message.WARMUP_MOMENTUM_WITHOUT_MOMENTUM, momentum.where(), optimizer.name());
      }
      Count length = Lengths.length(warmup);
      if (warmup.minSteps() != null && lengths.isPastEnd((Count) warmup.minSteps().value())) {
        report.add(Message.PAST_END, warmup.minSteps().where(), "@Warmup minSteps", lengths.describe(),
            ((Count) warmup.minSteps().value()).constant());
        return;
      }
      if (lengths.isPastEnd(length)) {
        report.add(Message.PAST_END, warmup.where(), warmup.interval() == Interval.EPOCH || length.perEpoch() > 0
            ? "@Warmup epochs" : "@Warmup steps", lengths.describe(),
            length.perEpoch() > 0 ? length.perEpoch() : length.constant());
        return;
      }
      check(warmup.after(), Lengths.afterWarmup(warmup, available), inherited);
    } else if (node instanceof ScheduleNode.Sequential sequence) {
      checkSharedOneCycleBounds(sequence, sequence.phases());
      List<Count> times = Lengths.phases(sequence, available);
      for (int i = 0; i < times.size(); i++) {
        check(sequence.phases().get(i), times.get(i), inherited);
      }
      OptionalLong end = lengths.known(available, sequence.interval());
      long last = ((Value.Wholes) sequence.milestones().value()).last();
      if (end.isPresent() && last >= end.getAsLong()) {
        report.add(Message.MILESTONE_AFTER_END, sequence.milestones().where(), "@SequentialSchedule milestone", last,
            end.getAsLong() + unit(sequence.interval()));
      }
    } else if (node instanceof ScheduleNode.Chained chain) {
      checkSharedOneCycleBounds(chain, chain.members());
      chain.members().forEach(member -> check(member, available, inherited));
    }
  }

  /**
   * Several OneCycleLRs composed: PyTorch runs each between the bounds the last one wrote into the
   * groups (its initial_lr, max_lr, min_lr), so the earlier ones do not reach their own max_lr.
   * Legal and reproduced, but rarely meant: a warning on each earlier one.
   */
  private void checkSharedOneCycleBounds(ScheduleNode composite, List<ScheduleNode> children) {
    List<ScheduleNode.Single> cycles = new java.util.ArrayList<>();
    collectOneCycles(children, cycles);
    for (int i = 0; i < cycles.size() - 1; i++) {
      if (!sharedBoundsWarned.add(cycles.get(i))) {
        continue;   // a nested composite warned already
      }
      ScheduleNode.Single last = cycles.get(cycles.size() - 1);
      Arg maxLr = last.kwargs().get("max_lr");
      report.add(Message.ONE_CYCLE_SHARED_BOUNDS, cycles.get(i).where(), i + 1, cycles.size(),
          composite instanceof ScheduleNode.Sequential ? "@SequentialSchedule" : "@ChainedSchedule",
          maxLr == null ? "?" : maxLr.value().show());
    }
  }

  private static void collectOneCycles(List<ScheduleNode> nodes, List<ScheduleNode.Single> out) {
    for (ScheduleNode node : nodes) {
      if (node instanceof ScheduleNode.Single single && single.type() == ScheduleType.ONE_CYCLE) {
        out.add(single);
      } else if (node != null) {
        collectOneCycles(node.children(), out);
      }
    }
  }

  private void checkSingle(ScheduleNode.Single single, Count available) {
    Map<String, Arg> kwargs = single.kwargs();
    // Legal in PyTorch (a Counter of milestones), but an unordered list is almost always a typo.
    if (single.type() == ScheduleType.MULTI_STEP && kwargs.get("milestones") != null
        && kwargs.get("milestones").value() instanceof Value.Wholes milestones && !milestones.increasing()) {
      report.add(Message.MILESTONES_UNORDERED, kwargs.get("milestones").where(), "MultiStepLR", milestones.values());
    }
    Arg lastEpoch = kwargs.get("last_epoch");
    if (lastEpoch != null && lastEpoch.asDouble() != -1) {
      // a declared plan builds fresh groups, and PyTorch resumes by position only on groups that carry initial_lr
      report.add(Message.RESUME_BY_POSITION, lastEpoch.where(), single.typeName(), lastEpoch.value().show());
    }
    OptionalLong known = lengths.known(available, single.interval());
    String unit = unit(single.interval());
    if (known.isPresent()) {
      Arg stepSize = kwargs.get("step_size");
      if (single.type() == ScheduleType.STEP && stepSize != null && stepSize.asDouble() >= known.getAsLong()) {
        report.add(Message.MILESTONE_AFTER_END, stepSize.where(), "StepLR step_size", stepSize.value().show(),
            known.getAsLong() + unit);
      }
      Arg milestones = kwargs.get("milestones");
      if (milestones != null && ((Value.Wholes) milestones.value()).max() >= known.getAsLong()) {
        report.add(Message.MILESTONE_AFTER_END, milestones.where(), "MultiStepLR milestone",
            ((Value.Wholes) milestones.value()).max(), known.getAsLong() + unit);
      }
      if (single.type() == ScheduleType.ONE_CYCLE && kwargs.containsKey("max_lr")) {
        checkOneCycle(single, known.getAsLong(), unit);
      }
    }
    if (PER_BATCH.containsKey(single.type()) && single.interval() != Interval.STEP) {
      report.add(Message.PER_BATCH_SCHEDULE, single.where(), single.typeName(), PER_BATCH.get(single.type()), single.interval());
    }
    if (single.type() == ScheduleType.FASTAI_FINE_TUNE) {
      checkFineTune(single);
    }
    if (single.type() == ScheduleType.SLANTED_TRIANGULAR && known.isPresent()) {
      checkSlantedTriangle(single, known.getAsLong(), unit);
    }
    if (single.descriptor().argument("cycle_momentum").isPresent()) {
      Arg cycle = kwargs.get("cycle_momentum");
      boolean cycles = cycle == null ? Boolean.TRUE.equals(single.descriptor().argument("cycle_momentum").get().defaultValue())
          : cycle.value() instanceof Value.Flag flag && flag.value();
      if (cycles && optimizer.argument("momentum").isEmpty() && optimizer.argument("betas").isEmpty()) {
        report.add(Message.CYCLE_MOMENTUM, cycle == null ? single.where() : cycle.where(), single.typeName(), optimizer.name());
      }
    }
  }

  private void checkOneCycle(ScheduleNode.Single single, long length, String unit) {
    Arg total = single.kwargs().get("total_steps");
    long steps = total == null ? length : (long) total.asDouble();
    if (steps < length) {
      report.add(Message.SCHEDULE_TOO_SHORT, total.where(), "OneCycleLR total_steps", steps + unit, length + unit);
      return;
    }
    Arg pct = single.kwargs().get("pct_start");
    double pctStart = pct == null ? 0.3 : pct.asDouble();
    Arg three = single.kwargs().get("three_phase");
    boolean threePhase = three != null && three.value() instanceof Value.Flag flag && flag.value();
    Location where = pct == null ? (total == null ? single.where() : total.where()) : pct.where();
    // PyTorch's phases: each ends at end_step, the first starts at 0, the next where the last ended
    double[] ends = threePhase
        ? new double[] {pctStart * steps - 1, 2 * pctStart * steps - 2, steps - 1}
        : new double[] {pctStart * steps - 1, steps - 1};
    for (long t = 0; t <= length; t++) {
      double start = 0;
      for (int i = 0; i < ends.length; i++) {
        if (t <= ends[i] || i == ends.length - 1) {
          if (ends[i] == start) {
            // get_lr's (step - start) / (end - start) raises ZeroDivisionError: torch cannot run it
            report.add(Message.ONE_CYCLE_EMPTY_PHASE, where, "pct_start " + Value.showNumber(pctStart) + " of " + steps + unit,
                i + 1, t);
            return;
          }
          break;
        }
        start = ends[i];
      }
    }
    if (pctStart > 0 && pctStart < 1 && (pctStart * steps <= 1 || (1 - pctStart) * steps <= 1)) {
      report.add(Message.ONE_CYCLE_FIT, where,
          "pct_start " + Value.showNumber(pctStart) + " of " + steps + unit
              + " leaves a phase at most one step long; PyTorch runs it, but use a step interval, train longer or move pct_start toward 0.5 unless that is meant");
    }
  }

  /** The schedules whose reference sets the lr before every batch, and that reference. */
  private static final Map<ScheduleType, String> PER_BATCH = Map.of(
      ScheduleType.FASTAI_ONE_CYCLE, "fastai's ParamScheduler",
      ScheduleType.FASTAI_FINE_TUNE, "fastai's ParamScheduler",
      ScheduleType.SLANTED_TRIANGULAR, "ULMFiT's slanted triangle");

  /** fastai's fine_tune fits {@code freeze_epochs}, then {@code epochs}: together, the training. */
  private void checkFineTune(ScheduleNode.Single single) {
    Arg epochs = single.kwargs().get("epochs");
    if (epochs == null) {
      return;   // reported as missing
    }
    Arg freeze = single.kwargs().get("freeze_epochs");
    long stages = (long) epochs.asDouble() + (freeze == null ? 1 : (long) freeze.asDouble());
    long training = lengths.total().perEpoch();
    if (stages != training) {
      report.add(Message.FINE_TUNE_EPOCHS, epochs.where(), stages, training);
    }
  }

  private void checkSlantedTriangle(ScheduleNode.Single single, long length, String unit) {
    Arg total = single.kwargs().get("total_steps");
    long steps = total == null ? length : (long) total.asDouble();
    Arg cycles = single.kwargs().get("cycles");
    Arg cutFrac = single.kwargs().get("cut_frac");
    String problem = FastaiCurves.slantedTriangularProblem(steps, cycles == null ? 1 : (int) cycles.asDouble(),
        cutFrac == null ? 0.1 : cutFrac.asDouble());
    if (problem != null) {
      report.add(Message.SLANTED_TRIANGLE_CYCLES, cycles != null ? cycles.where() : single.where(), steps + unit, problem);
    }
  }

  private static String unit(Interval interval) {
    return interval == Interval.STEP ? " steps" : " epochs";
  }
}
