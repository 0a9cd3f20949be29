package dev.anneal.processor.model;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.WarmupShape;
import dev.anneal.processor.base.Location;
import dev.anneal.vocabulary.Descriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schedule of the plan, as the annotations declare it: a single PyTorch schedule, a warmup
 * before another schedule, phases ({@code SequentialLR}), a chain ({@code ChainedScheduler}),
 * plateau reduction or a Java function. Each steps per {@link Interval#STEP} or
 * {@link Interval#EPOCH}; {@code where} is the annotation it came from.
 */
public sealed interface ScheduleNode {

  Interval interval();

  Location where();

  /** {@return the nodes inside this one, in order} */
  default List<ScheduleNode> children() {
    return List.of();
  }

  default boolean isStepInterval() {
    return interval() == Interval.STEP;
  }

  /** {@return whether plateau reduction is anywhere in this tree (its lr then also depends on metrics)} */
  default boolean containsPlateau() {
    return this instanceof Plateau || children().stream().anyMatch(ScheduleNode::containsPlateau);
  }

  /**
   * A {@code @Schedule}: one schedule type ({@link ScheduleType#CUSTOM} for a registered one) and its
   * descriptor, with its keyword arguments under their PyTorch names.
   */
  record Single(ScheduleType type, Descriptor descriptor, Interval interval, Map<String, Arg> kwargs, Location where)
      implements ScheduleNode {
    public Single {
      kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }

    public String typeName() {
      return descriptor.name();
    }

    public Single with(String kwarg, Arg arg) {
      Map<String, Arg> more = new LinkedHashMap<>(kwargs);
      more.put(kwarg, arg);
      return new Single(type, descriptor, interval, more, where);
    }
  }

  /**
   * A {@code @Warmup} of {@code steps} positions in its own interval, with the lr factor it starts
   * from ({@code null}: the runtime's default), then {@code after} (or the base lr when {@code null}).
   */
  record Warmup(WarmupShape shape, Interval interval, Count steps, Arg factor, ScheduleNode after, Location where,
      Map<String, Arg> stepOnly, Arg minSteps) implements ScheduleNode {
    /**
     * {@code stepOnly}: the step warmup's own arguments under LinearWarmup's names
     * ({@code warmup_start_lr}, {@code warmup_momentum}, {@code hold_after}), only where the warmup
     * {@link #isStepsBeforeEpochs()}.
     */
    public Warmup {
      stepOnly = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepOnly));
    }

    public Warmup(WarmupShape shape, Interval interval, Count steps, Arg factor, ScheduleNode after, Location where) {
      this(shape, interval, steps, factor, after, where, Map.of(), null);
    }

    /**
     * The warmup's length in optimizer steps with {@code stepsPerEpoch} (positive: known), taking
     * {@code minSteps} ({@code @Warmup minSteps}, null when absent) into account; empty when unknown.
     */
    public java.util.OptionalLong stepsWith(int stepsPerEpoch) {
      java.util.OptionalLong n = steps.evaluate(stepsPerEpoch);
      if (n.isEmpty() || minSteps == null) {
        return n;
      }
      return java.util.OptionalLong.of(Math.max(n.getAsLong(), ((Count) minSteps.value()).constant()));
    }

    @Override
    public List<ScheduleNode> children() {
      return after == null ? List.of() : List.of(after);
    }

    /** {@return a warmup counted in optimizer steps before a schedule that steps once per epoch (YOLOv3's recipe)} */
    public boolean isStepsBeforeEpochs() {
      return interval == Interval.STEP && after != null && after.interval() == Interval.EPOCH;
    }
  }

  /** {@code @SequentialSchedule}: the phases and the positions at which the next one starts. */
  record Sequential(Interval interval, Arg milestones, List<ScheduleNode> phases, Location where) implements ScheduleNode {
    public Sequential {
      phases = List.copyOf(phases);
    }

    @Override
    public List<ScheduleNode> children() {
      return phases;
    }

    public List<Long> milestoneValues() {
      return ((Value.Wholes) milestones.value()).values();
    }
  }

  /** {@code @ChainedSchedule}: schedules whose factors multiply. */
  record Chained(Interval interval, List<ScheduleNode> members, Location where) implements ScheduleNode {
    public Chained {
      members = List.copyOf(members);
    }

    @Override
    public List<ScheduleNode> children() {
      return members;
    }
  }

  /** {@code @ReduceLrOnPlateau}: its keyword arguments (without the monitored metric, which the plan holds). */
  record Plateau(Map<String, Arg> kwargs, Location where) implements ScheduleNode {
    public Plateau {
      kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }

    @Override
    public Interval interval() {
      return Interval.EPOCH;
    }
  }

  /** {@code @LambdaSchedule}: {@code LambdaLR} (or {@code MultiplicativeLR}) with a user's function class. */
  record Lambda(FunctionRef function, boolean multiplicative, Interval interval, Location where) implements ScheduleNode {
    public String typeName() {
      return multiplicative ? "MultiplicativeLR" : "LambdaLR";
    }
  }
}
