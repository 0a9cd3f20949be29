package dev.anneal.plan;

import dev.anneal.freeze.FreezeRule;
import dev.anneal.optim.ParamGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's declaration as JSON-friendly values: optimizer spec, groups with their overrides,
 * freeze rules and schedules, plan-wide schedules, accumulation, clipping, monitored metric. A
 * checkpoint stores it and loading compares it, so state is never loaded into a differently
 * configured plan. The number of epochs is left out: extending a run is a legitimate resume.
 */
final class PlanDeclaration {
  /** Groups added during training ({@link TrainingPlan#addGroup}), in order; absent when none were. */
  static final String ADDED_GROUPS = "added_groups";

  private PlanDeclaration() {}

  /** An added group as the declaration records it (its position in training is not part of it). */
  static Map<String, Object> describeAdded(GroupConfig config, int parameters) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("name", config.name());
    group.put("overrides", new LinkedHashMap<>(config.overrides()));
    FreezeRule rule = config.freezeRule();
    group.put("freeze", rule == null ? null : rule.toMap());
    if (config.batchNormPolicy() != BatchNormPolicy.TRAIN) {
      group.put("frozen_batch_norm", config.batchNormPolicy().name());
    }
    group.put("parameters", parameters);
    return jsonFriendly(group);
  }

  /** {@code declared}: the groups as the optimizer gets them (split groups expanded). */
  static Map<String, Object> describe(TrainingPlanBuilder b, List<TrainingPlanBuilder.DeclaredGroup> declared,
      List<ParamGroup> groups) {
    return jsonFriendly(declare(b, declared, groups));
  }

  private static Map<String, Object> declare(TrainingPlanBuilder b, List<TrainingPlanBuilder.DeclaredGroup> declared,
      List<ParamGroup> groups) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("optimizer", b.optimizer.toMap());
    List<Object> groupMaps = new ArrayList<>();
    for (int g = 0; g < declared.size(); g++) {
      TrainingPlanBuilder.DeclaredGroup part = declared.get(g);
      GroupConfig config = part.config();
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("name", part.name());
      group.put("overrides", new LinkedHashMap<>(config.overrides()));
      FreezeRule rule = config.freezeRule();
      group.put("freeze", rule == null ? null : rule.toMap());
      if (config.batchNormPolicy() != BatchNormPolicy.TRAIN) {
        group.put("frozen_batch_norm", config.batchNormPolicy().name());
      }
      PlannedSchedule own = config.plannedSchedule();
      group.put("schedule", own == null ? null : own.toMap());
      if (config.ownStepWarmup() != null) {
        group.put("step_warmup", config.ownStepWarmup().spec().toMap());
      }
      if (config.lrScale() != 1.0) {
        group.put("lr_scale", config.lrScale());
      }
      group.put("parameters", groups.get(g).params().size());
      groupMaps.add(group);
    }
    map.put("groups", groupMaps);
    map.put("schedules", b.schedules.stream().map(PlannedSchedule::toMap).toList());
    if (b.stepWarmup != null) {
      map.put("step_warmup", b.stepWarmup.spec().toMap());
    }
    if (b.noDecay != null) {
      map.put("no_decay", b.noDecay.describe());
    }
    map.put("accumulate", b.accumulate);
    map.put("clipping", b.clipping == null ? null : b.clipping.toMap());
    map.put("monitor", b.monitor);
    return map;
  }

  /**
   * Keeps JSON values as they are and names anything else by its class (a Java function given as
   * CyclicLR's scale_fn, say), so every declaration can be written and compared.
   */
  @SuppressWarnings("unchecked")
  private static <T> T jsonFriendly(T value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), jsonFriendly(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(jsonFriendly(v)));
      return (T) copy;
    }
    if (value instanceof double[] array) {
      return (T) java.util.Arrays.stream(array).boxed().toList();
    }
    if (value instanceof int[] array) {
      return (T) java.util.Arrays.stream(array).boxed().toList();
    }
    if (value instanceof dev.anneal.spec.Spec spec) {
      return (T) jsonFriendly(spec.toMap());
    }
    // A lambda's class name changes between builds; what matters is that a Java value stood here.
    return (T) ("<java " + (value.getClass().isSynthetic() ? "function" : value.getClass().getName()) + ">");
  }

  /** The first few differences between two declarations, as "path: checkpoint X, plan Y" lines. */
  static List<String> differences(Object saved, Object current) {
    List<String> out = new ArrayList<>();
    diff("", saved, current, out);
    return out;
  }

  private static void diff(String path, Object saved, Object current, List<String> out) {
    if (out.size() >= 5) {
      return;
    }
    if (saved instanceof Map<?, ?> a && current instanceof Map<?, ?> c) {
      for (Object key : a.keySet()) {
        String sub = path.isEmpty() ? String.valueOf(key) : path + "." + key;
        if (!c.containsKey(key)) {
          out.add(sub + ": in the checkpoint (" + a.get(key) + "), not in the plan");
        } else {
          diff(sub, a.get(key), c.get(key), out);
        }
      }
      for (Object key : c.keySet()) {
        if (!a.containsKey(key)) {
          out.add((path.isEmpty() ? "" : path + ".") + key + ": in the plan (" + c.get(key) + "), not in the checkpoint");
        }
      }
    } else if (saved instanceof List<?> a && current instanceof List<?> c) {
      if (a.size() != c.size()) {
        out.add(path + ": checkpoint has " + a.size() + " entries " + a + ", plan has " + c.size() + " " + c);
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        diff(path + "[" + i + "]", a.get(i), c.get(i), out);
      }
    } else if (saved == null ? current != null : !saved.equals(current)) {
      out.add(path + ": checkpoint " + saved + ", plan " + current);
    }
  }
}
