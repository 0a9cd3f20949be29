package dev.anneal.vocabulary;

import java.util.List;

/** Keyword arguments a descriptor refuses; the message holds every problem, each naming its argument. */
public final class DescriptorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public DescriptorException(List<Problem> problems) {
    super(String.join("; ", problems.stream().map(Problem::message).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
