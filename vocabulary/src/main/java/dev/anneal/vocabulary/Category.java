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

  /** The word messages use: "unknown optimizer AdamX". */
  public String noun() {
    return noun;
  }
}
