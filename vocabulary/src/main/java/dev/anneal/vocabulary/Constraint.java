package dev.anneal.vocabulary;

import java.util.List;

/**
 * A rule over several arguments of one descriptor, checked after each argument is valid on its own
 * ({@code nesterov} needs a momentum and zero dampening; {@code OneCycleLR} needs {@code total_steps}
 * or {@code epochs} and {@code steps_per_epoch}).
 *
 * @param arguments the arguments the rule is about, the first being where a diagnostic belongs
 * @param rule the check; returns the message, or null when the values fit
 */
public record Constraint(List<String> arguments, Rule rule) {
  public Constraint {
    arguments = List.copyOf(arguments);
  }

  public static Constraint of(Rule rule, String... arguments) {
    return new Constraint(List.of(arguments), rule);
  }

  /** The check of a constraint. */
  @FunctionalInterface
  public interface Rule {
    /** The problem (without the descriptor's name), or null. */
    String check(Values values);
  }
}
