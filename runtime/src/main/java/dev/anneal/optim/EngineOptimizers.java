package dev.anneal.optim;

import dev.anneal.param.Parameter;

/**
 * Implemented by an engine's {@link dev.anneal.param.EngineOps} when it can run optimizer updates
 * on its device. An optimizer asks once per parameter, at the parameter's first gradient.
 */
public interface EngineOptimizers {

  /** The update of optimizer {@code type} (PyTorch's name) for {@code p}, or {@code null} when this engine has none. */
  EngineUpdate update(String type, Parameter p, ParamGroup group);
}
