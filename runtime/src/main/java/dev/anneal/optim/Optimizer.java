package dev.anneal.optim;

import java.util.List;
import java.util.Map;

/**
 * The contract of {@code torch.optim.Optimizer}: groups of parameters with their own
 * hyperparameters, a step that updates every parameter that has a gradient, and state that
 * exports and imports exactly.
 */
public interface Optimizer {

  /** {@return the PyTorch class name of this optimizer, such as {@code "AdamW"}} */
  String type();

  /** Updates every parameter that has a gradient; a parameter without one is left untouched. */
  void step();

  /** Evaluates the closure (loss and gradients), steps, and returns the loss it computed. */
  double step(Closure closure);

  /** Drops every gradient ({@code true}, PyTorch 2.x's default) or fills them with zeros. */
  void zeroGrad(boolean setToNone);

  default void zeroGrad() {
    zeroGrad(true);
  }

  /**
   * Adds a group; hyperparameters it does not set come from {@link #defaults()}. A parameter that
   * is already in a group is refused, naming both groups.
   */
  void addParamGroup(ParamGroup group);

  /** {@return the live groups: a scheduler writes their {@code lr} in place} */
  List<ParamGroup> paramGroups();

  /** {@return the constructor's hyperparameters, under PyTorch names} */
  Map<String, Object> defaults();

  /** {@return a deep copy of the groups' hyperparameters and every parameter's state, keyed by name} */
  OptimizerState stateDict();

  /**
   * Restores a state exported by {@link #stateDict()}. Everything is checked before anything
   * changes: a state that does not match these groups and parameters is refused whole.
   */
  void loadStateDict(OptimizerState state);

  /**
   * The state as the optimizer holds it, its arrays shared rather than copied, for a writer that
   * streams it out (a checkpoint of a large model). Valid until the next step or load; do not
   * modify it.
   */
  default OptimizerState stateView() {
    return stateDict();
  }

  /**
   * {@link #loadStateDict} that keeps the given arrays as the optimizer's own instead of copying
   * them; the caller hands them over and must not use them afterwards.
   */
  default void adoptState(OptimizerState state) {
    loadStateDict(state);
  }
}
