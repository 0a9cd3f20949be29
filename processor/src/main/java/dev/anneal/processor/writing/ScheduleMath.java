package dev.anneal.processor.writing;

import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lr curve of a schedule tree for the preview, from the descriptors' closed forms: no formula
 * is written here. A tree has a curve when every node in it has one for its arguments and every
 * length in it is known at compile time; plateau reduction shows the lr before any reduction
 * (reductions depend on metrics); a Java function ({@code LambdaLR}) has none at compile time, nor
 * has a curve over the layer groups ({@code fastai.fine_tune}) when their number is not known.
 */
final class ScheduleMath {
  private final int stepsPerEpoch;
  private final int layerGroups;
  private final Vocabulary builtIns = Vocabulary.builtIns();
  private final Map<ScheduleNode, Optional<LrCurve>> curves = new IdentityHashMap<>();
  private final Map<ScheduleNode.Warmup, Optional<LrCurve>> warmupFactors = new IdentityHashMap<>();

  /** @param layerGroups the layer groups the main schedule drives, or -1 when known only at run time */
  ScheduleMath(int stepsPerEpoch, int layerGroups) {
    this.stepsPerEpoch = stepsPerEpoch;
    this.layerGroups = layerGroups;
  }

  /** The curve of {@code node} in its own unit, or empty when it is not evaluated at compile time. */
  Optional<LrCurve> curve(ScheduleNode node) {
    // the preview asks once per cell: build each node's curve once (by identity: a tree's nodes are values)
    return curves.computeIfAbsent(node, this::build);
  }

  private Optional<LrCurve> build(ScheduleNode node) {
    if (node instanceof ScheduleNode.Single single) {
      return evaluate(single.descriptor(), single.kwargs(), List.of());
    }
    if (node instanceof ScheduleNode.Warmup warmup && warmup.isStepsBeforeEpochs()) {
      return Optional.empty(); // two units at once: see stepWarmupFactor
    }
    if (node instanceof ScheduleNode.Warmup warmup) {
      Map<String, Arg> kwargs = new LinkedHashMap<>();
      kwargs.put("warmup_steps", new Arg(warmup.steps(), warmup.where()));
      if (warmup.factor() != null) {
        kwargs.put("warmup_factor", warmup.factor());
      }
      return evaluate(scheduler(warmup.shape().pytorchName()), kwargs, warmup.children());
    }
    if (node instanceof ScheduleNode.Sequential sequence) {
      return evaluate(scheduler("SequentialLR"), Map.of("milestones", sequence.milestones()), sequence.phases());
    }
    if (node instanceof ScheduleNode.Chained chain) {
      return evaluate(scheduler("ChainedScheduler"), Map.of(), chain.members());
    }
    if (node instanceof ScheduleNode.Plateau) {
      return Optional.of((group, base, t) -> base);
    }
    return Optional.empty();
  }

  /**
   * The factor of a warmup counted in optimizer steps before a per-epoch schedule, as a curve of the
   * step with base lr 1: the plan multiplies the schedule's value by it.
   */
  Optional<LrCurve> stepWarmupFactor(ScheduleNode.Warmup warmup) {
    return warmupFactors.computeIfAbsent(warmup, this::buildStepWarmupFactor);
  }

  private Optional<LrCurve> buildStepWarmupFactor(ScheduleNode.Warmup warmup) {
    Map<String, Arg> kwargs = new LinkedHashMap<>();
    if (warmup.stepsWith(stepsPerEpoch).isEmpty()) {
      return Optional.empty();
    }
    kwargs.put("warmup_steps", new Arg(Count.of(warmup.stepsWith(stepsPerEpoch).getAsLong()), warmup.where()));
    if (warmup.factor() != null) {
      kwargs.put("warmup_factor", warmup.factor());
    }
    return evaluate(scheduler(warmup.shape().pytorchName()), kwargs, List.of());
  }

  private Descriptor scheduler(String name) {
    return builtIns.require(dev.anneal.vocabulary.Category.SCHEDULER, name);
  }

  private Optional<LrCurve> evaluate(Descriptor descriptor, Map<String, Arg> kwargs, List<ScheduleNode> children) {
    Map<String, Object> java = new LinkedHashMap<>();
    for (Map.Entry<String, Arg> kwarg : kwargs.entrySet()) {
      Value value = kwarg.getValue().value();
      if (value instanceof Count count) {
        if (count.evaluate(stepsPerEpoch).isEmpty()) {
          return Optional.empty();
        }
        java.put(kwarg.getKey(), (int) count.evaluate(stepsPerEpoch).getAsLong());
      } else {
        Object plain = value.toJava();
        if (plain instanceof Value) {
          return Optional.empty();
        }
        java.put(kwarg.getKey(), plain);
      }
    }
    List<LrCurve> curves = new ArrayList<>();
    for (ScheduleNode child : children) {
      Optional<LrCurve> curve = curve(child);
      if (curve.isEmpty()) {
        return Optional.empty();
      }
      curves.add(curve.get());
    }
    try {
      Optional<LrCurve> curve = descriptor.curve(java, curves);
      if (curve.isPresent() && curve.get().needsLayerGroups()) {
        return layerGroups > 0 ? Optional.of(curve.get().overLayerGroups(layerGroups)) : Optional.empty();
      }
      return curve;
    } catch (RuntimeException e) {
      // arguments only the run time can judge (a derived length of 0 with few steps per epoch): no preview
      return Optional.empty();
    }
  }
}
