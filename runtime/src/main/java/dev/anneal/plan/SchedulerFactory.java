package dev.anneal.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.spec.Spec;
import java.util.List;

/**
 * Turns a schedule's {@link Spec} into a scheduler over some of an optimizer's groups. The plan
 * uses {@code dev.anneal.schedule.Schedulers} unless the builder is given another factory (for
 * schedules of your own).
 */
@FunctionalInterface
public interface SchedulerFactory {

  /**
   * @param groups the groups this schedule drives: all of the optimizer's groups for a plan-wide
   *     schedule when no group has its own, otherwise a subset
   */
  LrScheduler create(Spec spec, Optimizer optimizer, List<ParamGroup> groups);
}
