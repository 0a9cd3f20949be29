package dev.anneal.djl.loss;

/**
 * A loss refused an argument or an input, as PyTorch would: the message starts with the loss and
 * the argument ({@code "CrossEntropyLoss target: ..."}), and {@link #argument()} names it.
 */
public final class LossInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String loss;
  private final String argument;

  public LossInputException(String loss, String argument, String problem) {
    this(loss, argument, problem, false);
  }

  private LossInputException(String loss, String argument, String text, boolean whole) {
    super(whole ? text : loss + " " + argument + ": " + text);
    this.loss = loss;
    this.argument = argument;
  }

  /** With a message that is already whole (the vocabulary's wording of a keyword argument's problem). */
  static LossInputException of(String loss, String argument, String message) {
    return new LossInputException(loss, argument, message, true);
  }

  /** {@return the PyTorch class name of the loss} */
  public String loss() {
    return loss;
  }

  /** {@return the PyTorch name of the refused argument or input ({@code target}, {@code label_smoothing})} */
  public String argument() {
    return argument;
  }
}
