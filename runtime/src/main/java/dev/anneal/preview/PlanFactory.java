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

  /** Releases what {@link #plan} built on. */
  @Override
  default void close() {}
}
