package dev.anneal.vocabulary;

/**
 * The type of a keyword argument as PyTorch reads it, and the Java value it is normalized to
 * ({@link Argument#normalize}): what the runtime receives and what the processor's literals parse into.
 */
public enum Kind {
  /** A Python float: {@link Double}; an integer is accepted ({@code lr=1}). */
  DOUBLE("a number"),
  /** A Python int: {@link Integer}; a whole double is accepted ({@code 5.0}). */
  INT("an integer"),
  /** {@link Boolean}. */
  BOOL("true or false"),
  /** A fixed-length tuple of floats such as {@code betas}: an unmodifiable {@code List<Double>} (None elements as null where allowed). */
  DOUBLE_TUPLE("a tuple of numbers"),
  /** A list of ints such as {@code milestones}: an unmodifiable {@code List<Integer>}. */
  INT_LIST("a list of integers"),
  /** One float for every group or a list of floats, one per group ({@code max_lr}): {@link Double} or {@code List<Double>}. */
  DOUBLE_OR_LIST("a number or a list of numbers (one per group)"),
  /** One of a fixed set of strings ({@code mode='min'}, {@code reduction='mean'}): {@link String}. */
  CHOICE("one of the choices"),
  /** Any string: {@link String}. */
  STRING("a string"),
  /** A tensor ({@code weight}, {@code pos_weight} of a loss): passed through as given. */
  TENSOR("a tensor"),
  /** A Python callable ({@code lr_lambda}, {@code scale_fn}): a Java functional object, passed through; JSON cannot hold one. */
  FUNCTION("a function");

  private final String description;

  Kind(String description) {
    this.description = description;
  }

  /** {@return what messages call a value of this kind: "must be a number"} */
  public String description() {
    return description;
  }
}
