package dev.anneal.grad;

/** A gradient holds NaN or an infinity where the caller asked for an error rather than a skip. */
public final class NonFiniteGradientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NonFiniteGradientException(String message) {
    super(message);
  }
}
