package dev.anneal.optim;

import dev.anneal.param.EngineStorage;

/**
 * One parameter's update as operations of the engine that holds it, with the optimizer state on
 * the same device: the second implementation of an optimizer's algorithm, beside its Java kernel,
 * for tensors Anneal cannot view as CPU memory. Both replay the same conformance fixtures, and
 * both export the state under PyTorch's names, so a checkpoint moves between them.
 */
public interface EngineUpdate {

  /** One step: {@code values} updated in place from {@code grad} by this step's hyperparameters. */
  void step(ParamGroup group, EngineStorage values, EngineStorage grad);

  /** The state under PyTorch's names, copied to the host: for checkpoints and state dicts only. */
  OptimizerState.ParamState export();

  /** Replaces the state from an export (host to device); throws, naming the fault, when it does not fit. */
  void load(OptimizerState.ParamState state);
}
