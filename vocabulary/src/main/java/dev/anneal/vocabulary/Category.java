package dev.anneal.vocabulary;

/** What a descriptor describes. */
public enum Category {
  /** An optimizer ({@code torch.optim}). */
  OPTIMIZER("optimizer"),
  /** A learning-rate scheduler ({@code torch.optim.lr_scheduler}). */
  SCHEDULER("scheduler"),
  /** A loss ({@code torch.nn}). */
  LOSS("loss");

  private final String noun;

  Category(String noun) {
    this.noun = noun;
  }

  /** {@return the word messages use: "unknown optimizer AdamX"} */
  public String noun() {
    return noun;
  }
}
