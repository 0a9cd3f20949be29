package dev.anneal.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Optimizer#stateDict()} exports: the optimizer's type, each group's hyperparameters
 * (with the names of its parameters under {@code "params"}), and per-parameter state keyed by
 * parameter name rather than PyTorch's positional index, so a checkpoint survives reordering.
 *
 * <p>The record holds its arrays as given; {@link Optimizer#stateDict()} hands out a
 * {@link #deepCopy()}, {@link Optimizer#stateView()} the optimizer's own arrays.
 */
public record OptimizerState(String type, List<Map<String, Object>> groups, Map<String, ParamState> state) {

  public OptimizerState {
    groups = groups.stream().map(g -> (Map<String, Object>) new LinkedHashMap<>(g)).toList();
    state = new LinkedHashMap<>(state);
  }

  /** {@return the same state with every tensor copied} */
  public OptimizerState deepCopy() {
    Map<String, ParamState> copy = new LinkedHashMap<>();
    state.forEach((name, s) -> copy.put(name, s.deepCopy()));
    return new OptimizerState(type, groups, copy);
  }

  /**
   * One parameter's state: named float tensors (PyTorch's {@code exp_avg}, {@code momentum_buffer},
   * ...) and named scalars ({@code step}). The maps are copied, the arrays are shared.
   */
  public record ParamState(Map<String, float[]> tensors, Map<String, Double> scalars) {
    public ParamState {
      tensors = new LinkedHashMap<>(tensors);
      scalars = new LinkedHashMap<>(scalars);
    }

    /** {@return a new map of the same arrays} */
    @Override
    public Map<String, float[]> tensors() {
      return new LinkedHashMap<>(tensors);
    }

    /** {@return the same state with every tensor copied} */
    public ParamState deepCopy() {
      Map<String, float[]> copy = new LinkedHashMap<>();
      tensors.forEach((k, v) -> copy.put(k, v.clone()));
      return new ParamState(copy, scalars);
    }
  }
}
