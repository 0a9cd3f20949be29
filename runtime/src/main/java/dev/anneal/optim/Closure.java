package dev.anneal.optim;

/**
 * Re-evaluates the model as PyTorch's closure does: clears the gradients, computes the loss,
 * back-propagates, and returns the loss. LBFGS calls it several times per step.
 */
@FunctionalInterface
public interface Closure {
  double evaluate();
}
