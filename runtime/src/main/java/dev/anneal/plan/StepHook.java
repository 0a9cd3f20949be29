package dev.anneal.plan;

import dev.anneal.param.Parameter;
import java.util.List;

/**
 * Code run around each optimizer step of a {@link TrainingPlan}, registered with
 * {@link PlanHooks#beforeStep} or {@link PlanHooks#afterStep}. {@code trainable} holds the
 * parameters of the groups not frozen now, with their gradients; {@code plan.clock().step()} is the
 * index of the step being taken, before and after it.
 */
@FunctionalInterface
public interface StepHook {

  void run(TrainingPlan plan, List<Parameter> trainable);
}
