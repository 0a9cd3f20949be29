package dev.anneal.plan;

import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.vocabulary.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands the declared groups that split their parameters ({@link GroupConfig#split},
 * {@link GroupConfig#noDecay}, {@link GroupConfig#layerDecay}) into the groups the optimizer gets,
 * in the order of each part's first parameter, as timm builds its groups. A group without splits
 * stays as declared. Buffers stay with the first part.
 */
final class GroupSplitter {
  private GroupSplitter() {}

  /** {@code planNoDecay}: the plan-wide no-decay rule, or null; a group's own wins. */
  static List<TrainingPlanBuilder.DeclaredGroup> expand(List<TrainingPlanBuilder.DeclaredGroup> declared, ParamRule planNoDecay,
      Object optimizerLr, Descriptor optimizer) {
    List<TrainingPlanBuilder.DeclaredGroup> out = new ArrayList<>();
    for (TrainingPlanBuilder.DeclaredGroup group : declared) {
      GroupConfig config = group.config();
      if (planNoDecay != null && config.splits().stream().noneMatch(s -> s.suffix().equals(GroupConfig.NO_DECAY))) {
        config.noDecay(planNoDecay);
      }
      if (config.splits().isEmpty() && config.layerDecayRule() == null) {
        out.add(group);
      } else {
        out.addAll(split(group, baseLr(config, optimizerLr, optimizer)));
      }
    }
    return out;
  }

  private static double baseLr(GroupConfig config, Object optimizerLr, Descriptor optimizer) {
    Object lr = config.overrides().get(ParamGroup.LR);
    if (lr == null) {
      lr = optimizerLr;
    }
    if (lr == null) {
      lr = optimizer.argument(ParamGroup.LR).map(a -> a.defaultValue()).orElse(null);
    }
    if (!(lr instanceof Number n)) {
      throw new IllegalArgumentException("group " + config.name() + " decays its lr by layer, but has no numeric lr (" + lr + ")");
    }
    return n.doubleValue();
  }

  private static List<TrainingPlanBuilder.DeclaredGroup> split(TrainingPlanBuilder.DeclaredGroup group, double baseLr) {
    GroupConfig config = group.config();
    List<Parameter> params = group.source().parameters();
    GroupConfig.LayerDecay layers = config.layerDecayRule();
    int[] layerOf = new int[params.size()];
    int top = -1;
    if (layers != null) {
      LayerIndex.Layers assigned = layers.index().layers(params.stream().map(Parameter::name).toList());
      layerOf = assigned.of();
      top = assigned.top();
    }
    Map<String, List<Parameter>> parts = new LinkedHashMap<>();
    Map<String, GroupConfig> configs = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      GroupConfig.Split split = null;
      for (GroupConfig.Split candidate : config.splits()) {
        if (candidate.rule().matches(p)) {
          split = candidate;
          break;
        }
      }
      String name = config.name() + (layers != null ? ".layer_" + layerOf[i] : "") + (split != null ? "." + split.suffix() : "");
      if (!parts.containsKey(name)) {
        GroupConfig part = config.copyAs(name);
        if (layers != null && layers.scale() == LrScale.SCHEDULED_LR) {
          part.lrScale(Math.pow(layers.decay(), top - layerOf[i]));
        } else if (layers != null) {
          part.lr(baseLr * Math.pow(layers.decay(), top - layerOf[i]));
        }
        if (split != null) {
          split.configure().accept(part);
        }
        configs.put(name, part);
        parts.put(name, new ArrayList<>());
      }
      parts.get(name).add(p);
    }
    if (parts.isEmpty()) {
      return List.of(group);   // no parameters: refused as an empty group when the plan reads it
    }
    List<TrainingPlanBuilder.DeclaredGroup> out = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<String, List<Parameter>> part : parts.entrySet()) {
      List<Parameter> list = List.copyOf(part.getValue());
      List<Buffer> buffers = first ? List.copyOf(group.source().buffers()) : List.of();
      first = false;
      ParameterSource source = new ParameterSource() {
        @Override
        public List<Parameter> parameters() {
          return list;
        }

        @Override
        public List<Buffer> buffers() {
          return buffers;
        }
      };
      out.add(new TrainingPlanBuilder.DeclaredGroup(part.getKey(), source, configs.get(part.getKey())));
    }
    return out;
  }
}
