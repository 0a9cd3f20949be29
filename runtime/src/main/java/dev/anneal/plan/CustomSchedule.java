package dev.anneal.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.LrScheduler;
import java.util.List;

/**
 * A schedule built in Java rather than from a {@code Spec}, such as {@code LambdaLR} with a
 * function: {@code (optimizer, groups) -> new LambdaLr(optimizer, groups, e -> 0.95 ^ e)}.
 */
@FunctionalInterface
public interface CustomSchedule {

  /** Builds the scheduler over {@code groups} (the groups this schedule drives). */
  LrScheduler create(Optimizer optimizer, List<ParamGroup> groups);
}
