package dev.anneal.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.Schedulers;
import dev.anneal.spec.Spec;
import java.util.List;

/** The schedules of {@link Schedulers}: over the live optimizer when a schedule drives every group. */
final class DefaultSchedulers implements SchedulerFactory {
  static final DefaultSchedulers INSTANCE = new DefaultSchedulers();

  private DefaultSchedulers() {}

  @Override
  public LrScheduler create(Spec spec, Optimizer optimizer, List<ParamGroup> groups) {
    return groups.size() == optimizer.paramGroups().size()
        ? Schedulers.create(spec, optimizer)
        : Schedulers.create(spec, optimizer, groups);
  }
}
