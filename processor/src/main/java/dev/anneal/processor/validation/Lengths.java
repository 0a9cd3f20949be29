package dev.anneal.processor.validation;

import dev.anneal.annotations.Interval;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.vocabulary.Argument;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The training's length and the time each schedule has of it, counted in optimizer steps as a
 * {@link Count} (the steps per epoch may be known only at run time) and converted to a schedule's
 * own unit; and the schedule tree with the lengths a user left out ({@code T_max},
 * {@code total_steps}, ...) filled in from that time: the training less a warmup before it, or its
 * phase of a sequence.
 */
final class Lengths {
  private final int epochs;
  private final int stepsPerEpoch;

  Lengths(int epochs, int stepsPerEpoch) {
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  /** {@return the whole training, in optimizer steps} */
  Count total() {
    return Count.epochs(epochs);
  }

  /** {@return the training's length for messages: "10 epochs", or "2 epochs = 200 steps" when the steps per epoch are known} */
  String describe() {
    return epochs + " epochs" + (stepsPerEpoch > 0 ? " = " + (long) epochs * stepsPerEpoch + " steps" : "");
  }

  /** Whether {@code steps} optimizer steps certainly reach past the end of the training. */
  boolean isPastEnd(Count steps) {
    OptionalLong length = steps.evaluate(stepsPerEpoch);
    if (length.isPresent() && stepsPerEpoch > 0) {
      return length.getAsLong() > (long) epochs * stepsPerEpoch;
    }
    return steps.perEpoch() > epochs || steps.perEpoch() == epochs && steps.constant() > 0;
  }

  /** {@code steps} optimizer steps in a schedule's unit, once known at compile time. */
  OptionalLong known(Count steps, Interval interval) {
    return inUnit(steps, interval).evaluate(stepsPerEpoch);
  }

  /** Time in optimizer steps converted to a schedule's unit (whole epochs only for a per-epoch schedule). */
  static Count inUnit(Count steps, Interval interval) {
    return interval == Interval.STEP ? steps : Count.of(steps.perEpoch());
  }

  /** {@code amount} positions of a schedule's unit, in optimizer steps. */
  static Count inSteps(long amount, Interval interval) {
    return interval == Interval.STEP ? Count.of(amount) : Count.epochs(amount);
  }

  /** A warmup's length in optimizer steps. */
  static Count length(ScheduleNode.Warmup warmup) {
    return warmup.interval() == Interval.STEP ? warmup.steps() : Count.epochs(warmup.steps().constant());
  }

  /**
   * The time the schedule after a warmup has: the rest of the training, or all of it when the
   * warmup counts steps inside the epochs of a per-epoch schedule (its factor multiplies that
   * schedule's value).
   */
  static Count afterWarmup(ScheduleNode.Warmup warmup, Count available) {
    return warmup.isStepsBeforeEpochs() ? available : available.minus(length(warmup));
  }

  /** The time of each phase of a sequence: from one milestone to the next, the last to the end. */
  static List<Count> phases(ScheduleNode.Sequential sequence, Count available) {
    List<Count> times = new ArrayList<>();
    List<Long> milestones = sequence.milestoneValues();
    Count start = Count.of(0);
    for (int i = 0; i < sequence.phases().size(); i++) {
      Count end = i < milestones.size() ? inSteps(milestones.get(i), sequence.interval()) : available;
      times.add(end.minus(start));
      start = end;
    }
    return times;
  }

  /** The tree with every length left out filled in from the {@code available} time. */
  static ScheduleNode derive(ScheduleNode node, Count available) {
    if (node instanceof ScheduleNode.Single single) {
      ScheduleNode.Single filled = single;
      for (Argument argument : single.descriptor().arguments()) {
        if (argument.isDerivedFromLength() && !single.kwargs().containsKey(argument.name())) {
          filled = filled.with(argument.name(), new Arg(inUnit(available, single.interval()), single.where()));
        }
      }
      return filled;
    }
    if (node instanceof ScheduleNode.Warmup warmup) {
      ScheduleNode after = warmup.after() == null ? null : derive(warmup.after(), afterWarmup(warmup, available));
      return new ScheduleNode.Warmup(warmup.shape(), warmup.interval(), warmup.steps(), warmup.factor(), after, warmup.where(),
          warmup.stepOnly(), warmup.minSteps());
    }
    if (node instanceof ScheduleNode.Sequential sequence) {
      List<Count> times = phases(sequence, available);
      List<ScheduleNode> phases = new ArrayList<>();
      for (int i = 0; i < times.size(); i++) {
        phases.add(derive(sequence.phases().get(i), times.get(i)));
      }
      return new ScheduleNode.Sequential(sequence.interval(), sequence.milestones(), phases, sequence.where());
    }
    if (node instanceof ScheduleNode.Chained chain) {
      return new ScheduleNode.Chained(chain.interval(), chain.members().stream().map(m -> derive(m, available)).toList(),
          chain.where());
    }
    return node;
  }
}
