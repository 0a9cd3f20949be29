package dev.anneal.processor.writing;

import dev.anneal.annotations.Interval;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The compile-time preview of a step-interval schedule whose steps per epoch are known only at
 * run time. At an epoch's start the schedule stands at {@code epoch * stepsPerEpoch}; where its
 * lengths are whole epochs ({@code T_max = 11 * stepsPerEpoch}, a warmup of one epoch), the lr
 * there is a function of the fraction of training done and so the same for every steps per epoch,
 * as with a cosine over the whole training or a constant. The descriptors' closed forms are
 * evaluated at several steps per epoch ({@link #PROBES}); a cell is shown when they all agree, and
 * otherwise names the reason: a length counted in steps ({@code @Warmup(steps = 200)},
 * {@code T_max = 5 * stepsPerEpoch - 200}), or a schedule that is not a function of the fraction alone (CyclicLR's {@code step_size_up} is a number of steps;
 * OneCycleLR's phases end one step before {@code pct_start * total_steps}).
 */
final class StepsPerEpochFree {
  /** Steps per epoch tried: small and large, even and odd, so that a step count shows. */
  static final int[] PROBES = {1, 2, 3, 7, 10, 64, 100, 997, 4096};
  /** Probes that must build a curve and agree for a cell to be shown. */
  private static final int MIN_AGREEING = 4;

  private StepsPerEpochFree() {}

  /** The cell: the lr when every probe agrees, else {@code n/a(k)} with reason k added to {@code notes}. */
  static String cell(ScheduleNode schedule, int index, double base, int epoch, int layerGroups, List<String> notes,
      DoubleFunction<String> show) {
    double[] values = new double[PROBES.length];
    int evaluated = 0;
    for (int i = 0; i < PROBES.length; i++) {
      OptionalDouble lr;
      try {
        lr = SchedulePreview.lrAtEpochStart(new ScheduleMath(PROBES[i], layerGroups), schedule, index, base, epoch, PROBES[i]);
      } catch (RuntimeException e) {
        lr = OptionalDouble.empty(); // lengths this probe makes invalid: the plan would refuse it too
      }
      values[i] = lr.orElse(Double.NaN);
      evaluated += lr.isPresent() && !Double.isNaN(lr.getAsDouble()) ? 1 : 0;
    }
    if (evaluated == 0) {
      notes.add(SchedulePreview.notEvaluated(schedule));
      return "n/a";
    }
    // A probe too small for the schedule's lengths (T_max = 4 * stepsPerEpoch - 200 at 1 step per
    // epoch) builds no curve: the plan would refuse that many steps per epoch, so it does not count.
    if (evaluated >= MIN_AGREEING && allAgree(values)) {
      return show.apply(Arrays.stream(values).filter(v -> !Double.isNaN(v)).findFirst().orElseThrow());
    }
    return "n/a(" + reasonNumber(notes, "depends on stepsPerEpoch: " + reason(schedule)) + ")";
  }

  private static boolean allAgree(double[] values) {
    double first = Arrays.stream(values).filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
    for (double value : values) {
      if (!Double.isNaN(value) && Math.abs(value - first) > 1e-12 * Math.max(Math.abs(first), Double.MIN_NORMAL)) {
        return false;
      }
    }
    return true;
  }

  /** The number of {@code reason} among the numbered reasons in {@code notes}, adding it when new. */
  private static int reasonNumber(List<String> notes, String reason) {
    int count = 0;
    for (String note : notes) {
      if (note.startsWith("(")) {
        count++;
        if (note.substring(note.indexOf(' ') + 1).equals(reason)) {
          return count;
        }
      }
    }
    notes.add("(" + (count + 1) + ") " + reason);
    return count + 1;
  }

  /** Why the lr at an epoch's start changes with the steps per epoch: the first length counted in steps, or the schedule. */
  static String reason(ScheduleNode schedule) {
    String found = lengthInSteps(schedule);
    if (found != null) {
      return found;
    }
    return SchedulePreview.name(schedule) + " at an epoch's start is not a function of the fraction of training done "
        + "(its lr there changes with the steps per epoch)";
  }

  /** Whether the descriptor documents the argument as a number of positions (of steps, for a step-interval schedule). */
  private static boolean isLength(dev.anneal.vocabulary.Argument argument) {
    return argument.doc().startsWith("steps") || argument.doc().startsWith("positions");
  }

  private static String show(Count count) {
    return count.perEpoch() == 0 ? Long.toString(count.constant()) : count.describe("steps");
  }

  /** The first length in the tree that is counted in steps, described, or null. */
  private static String lengthInSteps(ScheduleNode node) {
    if (node instanceof ScheduleNode.Warmup warmup && warmup.interval() == Interval.STEP
        && (warmup.steps().constant() != 0 || warmup.minSteps() != null)) {
      return "warmup counted in steps (" + (warmup.minSteps() == null ? show(warmup.steps())
          : "max(" + show(warmup.steps()) + ", " + ((Count) warmup.minSteps().value()).constant() + ")") + ")";
    }
    if (node instanceof ScheduleNode.Single single && single.isStepInterval()) {
      for (Map.Entry<String, Arg> kwarg : single.kwargs().entrySet()) {
        Object value = kwarg.getValue().value();
        if (value instanceof Count count && count.constant() != 0) {
          return single.typeName() + " " + kwarg.getKey() + " counted in steps (" + show(count) + ")";
        }
        // a length the descriptor documents as a number of positions (steps, here), given as a plain number
        boolean length = single.descriptor().argument(kwarg.getKey()).map(StepsPerEpochFree::isLength).orElse(false);
        if (length && (value instanceof Value.Whole whole && whole.value() != 0 || value instanceof Value.Real real && real.value() != 0)) {
          return single.typeName() + " " + kwarg.getKey() + " counted in steps (" + kwarg.getValue().value().show() + ")";
        }
      }
      for (dev.anneal.vocabulary.Argument argument : single.descriptor().arguments()) {
        if (!single.kwargs().containsKey(argument.name()) && isLength(argument) && argument.hasDefault()
            && argument.defaultValue() instanceof Number n && n.doubleValue() != 0) {
          return single.typeName() + " " + argument.name() + " counted in steps (" + n + ", the default)";
        }
      }
    }
    if (node instanceof ScheduleNode.Sequential sequence && sequence.isStepInterval()) {
      return "SequentialLR milestones counted in steps (" + sequence.milestones().value().show() + ")";
    }
    for (ScheduleNode child : node.children()) {
      String found = lengthInSteps(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
