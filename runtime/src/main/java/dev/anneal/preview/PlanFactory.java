package dev.anneal.preview;

import dev.anneal.plan.TrainingPlan;

/**
 * Builds a model's plan for a preview, found by name through {@link java.util.ServiceLoader}
 * (list implementations in {@code META-INF/services/dev.anneal.preview.PlanFactory}), so a
 * command-line preview reaches an annotated model's generated {@code <Model>Training.plan} or a
 * hand-written DSL plan without reflection on the model. It owns what the plan's model needs
 * (an engine's memory, say) until {@link #close()}.
 */
public interface PlanFactory extends AutoCloseable {

  /** {@return the name a preview asks for: the model's simple class name, by convention} */
  String name();

  /** {@return one line on what the plan is} */
  default String description() {
    return name();
  }

  /** The plan for {@code stepsPerEpoch} optimizer steps per epoch (0: the model's declared number, if any). */
  TrainingPlan plan(int stepsPerEpoch);

  /**
   * The factory of this name on the class path ({@link java.util.ServiceLoader}).
   *
   * @throws IllegalArgumentException naming the names there are, when none has this one
   */
  static PlanFactory named(String name) {
    java.util.List<String> known = new java.util.ArrayList<>();
    for (PlanFactory factory : java.util.ServiceLoader.load(PlanFactory.class)) {
      if (factory.name().equals(name)) {
        return factory;
      }
      known.add(factory.name());
    }
    throw new IllegalArgumentException("no model named " + name + " has a plan here; there are " + known
        + " (a model joins by listing a PlanFactory in META-INF/services/dev.anneal.preview.PlanFactory)");
  }

  /** Releases what {@link #plan} built on. */
  @Override
  default void close() {}
}
