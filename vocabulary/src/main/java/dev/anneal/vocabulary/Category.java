package dev.anneal.vocabulary;

/** What a descriptor describes. */
public enum Category {
  OPTIMIZER("optimizer"),
  SCHEDULER("scheduler"),
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
