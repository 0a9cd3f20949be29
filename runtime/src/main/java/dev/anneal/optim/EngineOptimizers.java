package dev.anneal.optim;

import dev.anneal.param.Parameter;

/**
 * Implemented by an engine's {@link dev.anneal.param.EngineOps} when it can run optimizer updates
 * on its device. An optimizer asks once per parameter, at the parameter's first gradient.
 */
public interface EngineOptimizers {

  /**
   * The update of optimizer {@code type} (PyTorch's name) for {@code p}, or {@code null} when this
   * engine has none; {@code layout} names the state as the optimizer's Java kernel exports it (null
   * for an optimizer without a fixed layout), so both sides of the seam use the same names.
   */
  EngineUpdate update(String type, Parameter p, ParamGroup group, StateLayout layout);
}
