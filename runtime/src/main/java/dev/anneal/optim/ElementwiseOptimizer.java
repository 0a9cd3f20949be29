package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.Parameter;
import dev.anneal.vocabulary.Descriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An optimizer whose per-parameter state is a {@link TensorState}: creating it at the first
 * gradient and exporting/importing it under the PyTorch names of its {@link StateLayout} are done
 * here once, so each optimizer keeps only its math.
 *
 * @param <S> the optimizer's state, which is also its element kernel
 */
abstract class ElementwiseOptimizer<S extends TensorState> extends AbstractOptimizer<S> {
  private final StateLayout layout;
  private final Supplier<S> emptyState;

  /** @param emptyState a state with no tensors and its scalars at their initial values */
  ElementwiseOptimizer(Descriptor descriptor, Map<String, ?> overrides, List<ParamGroup> groups, StateLayout layout,
      Supplier<S> emptyState) {
    super(descriptor, overrides, groups);
    this.layout = layout;
    this.emptyState = emptyState;
  }

  /**
   * One step as one multi-tensor pass: the parameters' kernels are queued and run together when
   * the loop over the groups ends, so the worker pool is woken once per step, not once per tensor.
   */
  @Override
  public void step() {
    Passes.beginBatch();
    try {
      super.step();
    } finally {
      Passes.endBatch();
    }
  }

  @Override
  protected final StateLayout stateLayout() {
    return layout;
  }

  /** The empty state with the required tensors as zeros, then {@link #initState}. */
  @Override
  protected final S newState(Parameter p, ParamGroup group) {
    S state = emptyState.get();
    for (int k = 0; k < layout.required(); k++) {
      state.setTensor(k, new float[p.size()]);
    }
    initState(state, p, group);
    return state;
  }

  /** Fills a new state's tensors or scalars from the group, or adds optional tensors; none by default. */
  protected void initState(S state, Parameter p, ParamGroup group) {}

  @Override
  protected final OptimizerState.ParamState exportState(Parameter p, S state) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    for (int k = 0; k < layout.tensors().size(); k++) {
      if (state.tensor(k) != null) {
        tensors.put(layout.tensors().get(k), state.tensor(k));
      }
    }
    Map<String, Double> scalars = new LinkedHashMap<>();
    for (String name : layout.scalars()) {
      scalars.put(name, state.scalar(name));
    }
    return new OptimizerState.ParamState(tensors, scalars);
  }

  @Override
  protected final S importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
    S state = emptyState.get();
    for (int k = 0; k < layout.tensors().size(); k++) {
      String name = layout.tensors().get(k);
      if (k < layout.required() || exported.tensors().containsKey(name)) {
        state.setTensor(k, requireTensor(p, exported, name));
      }
    }
    for (String name : layout.scalars()) {
      state.setScalar(name, requireScalar(p, exported, name));
    }
    return state;
  }
}
