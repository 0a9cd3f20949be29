package dev.anneal.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.spec.Spec;
import java.util.List;

/** The schedules of {@code dev.anneal.schedule.Schedulers}. */
final class DefaultSchedulers implements SchedulerFactory {
  static final DefaultSchedulers INSTANCE = new DefaultSchedulers();

  private DefaultSchedulers() {}

  @Override
  public LrScheduler create(Spec spec, Optimizer optimizer, List<ParamGroup> groups) {
    throw new IllegalStateException("no scheduler factory for " + spec.type()
        + " yet: dev.anneal.schedule.Schedulers is not available; pass one with TrainingPlanBuilder.schedulers(...)");
  }
}
