package dev.anneal.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Optimizer#stateDict()} exports: the optimizer's type, each group's hyperparameters
 * (with the names of its parameters under {@code "params"}), and per-parameter state keyed by
 * parameter name rather than PyTorch's positional index, so a checkpoint survives reordering.
 */
public record OptimizerState(String type, List<Map<String, Object>> groups, Map<String, ParamState> state) {

  public OptimizerState {
    groups = groups.stream().map(g -> (Map<String, Object>) new LinkedHashMap<>(g)).toList();
    state = new LinkedHashMap<>(state);
  }

  /**
   * One parameter's state: named float tensors (PyTorch's {@code exp_avg}, {@code momentum_buffer},
   * ...) and named scalars ({@code step}). Arrays are copied on the way in and out.
   */
  public record ParamState(Map<String, float[]> tensors, Map<String, Double> scalars) {
    public ParamState {
      Map<String, float[]> copy = new LinkedHashMap<>();
      tensors.forEach((k, v) -> copy.put(k, v.clone()));
      tensors = copy;
      scalars = new LinkedHashMap<>(scalars);
    }

    @Override
    public Map<String, float[]> tensors() {
      Map<String, float[]> copy = new LinkedHashMap<>();
      tensors.forEach((k, v) -> copy.put(k, v.clone()));
      return copy;
    }
  }
}
