package dev.anneal.vocabulary;

/** What an argument does to the numbers. */
public enum Role {
  /** An ordinary hyperparameter. */
  HYPERPARAMETER,
  /**
   * Chooses PyTorch's implementation ({@code foreach}, {@code fused}, {@code capturable},
   * {@code differentiable}) and never changes the numbers: accepted so a pasted PyTorch
   * configuration works, and ignored.
   */
  IMPLEMENTATION,
  /** Python-side bookkeeping ({@code last_epoch}, {@code verbose}): accepted, with the values Anneal can honour. */
  BOOKKEEPING
}
