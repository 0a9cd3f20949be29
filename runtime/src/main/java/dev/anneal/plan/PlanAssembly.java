package dev.anneal.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Buffer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.MetricScheduler;
import dev.anneal.vocabulary.Descriptor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks and conversions that turn a declaration into a plan's parts: groups whose
 * parameters are one tensor each and named uniquely, buffers named apart from every parameter,
 * and the schedules over the groups they drive. Used when the plan is built and when a group is
 * added to a running plan.
 */
final class PlanAssembly {
  private PlanAssembly() {}

  /** The optimizer's groups from the declared ones, each tensor in one group and each name once. */
  static List<ParamGroup> readGroups(List<TrainingPlanBuilder.DeclaredGroup> declared, Descriptor optimizer) {
    Map<Object, String> owner = new IdentityHashMap<>();
    Map<Object, String> ownerName = new IdentityHashMap<>();
    Map<String, String> nameOwner = new LinkedHashMap<>();
    List<ParamGroup> built = new ArrayList<>();
    for (TrainingPlanBuilder.DeclaredGroup group : declared) {
      List<Parameter> params = group.source().parameters();
      if (params == null || params.isEmpty()) {
        throw new IllegalArgumentException("group " + group.name() + " holds no parameters; "
            + "give it a field that holds parameters or leave the group out");
      }
      for (Parameter p : params) {
        String previous = owner.put(p.tensorIdentity(), group.name());
        String previousName = ownerName.put(p.tensorIdentity(), p.name());
        if (previous != null) {
          String as = previousName.equals(p.name()) ? "" : " (as " + previousName + " and as " + p.name() + ")";
          throw new IllegalArgumentException("parameter " + p.name() + " is in both group " + previous + " and group "
              + group.name() + as + "; the two fields reach the same tensor, but a parameter can belong to one group only, "
              + "as in PyTorch: leave the sub-block out of the larger group");
        }
        String sameName = nameOwner.put(p.name(), group.name());
        if (sameName != null) {
          throw new IllegalArgumentException("two different parameters are named " + p.name() + " (in groups " + sameName
              + " and " + group.name() + "); checkpoints key tensors by parameter name, so names must be unique");
        }
      }
      ParamGroup paramGroup = new ParamGroup(group.name(), params);
      for (String type : group.config().overrideTypes()) {
        if (!type.equals(optimizer.name())) {
          throw new IllegalArgumentException("group " + group.name() + " overrides " + type + " hyperparameters, but the plan's optimizer is "
              + optimizer.name() + "; write them with " + optimizer.javaName() + ".spec()");
        }
      }
      group.config().overrides().forEach((key, value) -> {
        if (optimizer.argument(key).isEmpty()) {
          throw new IllegalArgumentException("group " + group.name() + ": " + optimizer.unknown(key).message());
        }
        paramGroup.set(key, value);
      });
      built.add(paramGroup);
    }
    return built;
  }

  /** A group's buffers, their names unique among every parameter and buffer of the plan so far. */
  static List<Buffer> readBuffers(String group, ParameterSource source, List<PlanGroup> existing, List<ParamGroup> all) {
    List<Buffer> buffers = List.copyOf(source.buffers());
    Map<String, String> taken = new LinkedHashMap<>();
    for (ParamGroup g : all) {
      g.params().forEach(p -> taken.put(p.name(), "a parameter of group " + g.name()));
    }
    for (PlanGroup g : existing) {
      String owner = "a buffer of group " + g.name();
      g.buffers.forEach(buf -> taken.put(buf.name(), owner));
    }
    for (Buffer buffer : buffers) {
      String previous = taken.put(buffer.name(), "a buffer of group " + group);
      if (previous != null) {
        throw new IllegalArgumentException("buffer " + buffer.name() + " of group " + group + " has the name of " + previous
            + "; checkpoints key tensors by name, so names must be unique");
      }
    }
    return buffers;
  }

  /**
   * The running schedules: the plan-wide ones over the groups without a schedule of their own,
   * then each group's own.
   */
  static List<TrainingPlan.ActiveSchedule> schedules(TrainingPlanBuilder b, List<TrainingPlanBuilder.DeclaredGroup> declared,
      Optimizer optimizer, SchedulerFactory factory) {
    List<ParamGroup> groups = optimizer.paramGroups();
    List<TrainingPlan.ActiveSchedule> schedules = new ArrayList<>();
    List<ParamGroup> withoutOwn = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      if (declared.get(g).config().plannedSchedule() == null) {
        withoutOwn.add(groups.get(g));
      }
    }
    if (!withoutOwn.isEmpty()) {
      String scope = withoutOwn.size() == groups.size() ? "all groups" : "groups " + names(withoutOwn);
      for (PlannedSchedule planned : b.schedules) {
        schedules.add(schedule(planned, b, optimizer, factory, withoutOwn, scope));
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      PlannedSchedule own = declared.get(g).config().plannedSchedule();
      if (own != null) {
        schedules.add(schedule(own, b, optimizer, factory, List.of(groups.get(g)), "group " + groups.get(g).name()));
      }
    }
    return schedules;
  }

  private static TrainingPlan.ActiveSchedule schedule(PlannedSchedule planned, TrainingPlanBuilder b, Optimizer optimizer,
      SchedulerFactory factory, List<ParamGroup> scope, String scopeName) {
    if (planned.interval() == Interval.STEP && b.stepsPerEpoch < 1) {
      throw new IllegalStateException("schedule " + planned.describe() + " of " + scopeName
          + " counts optimizer steps, so the plan needs stepsPerEpoch(n)");
    }
    LrScheduler scheduler = planned.spec() != null
        ? factory.create(planned.spec(), optimizer, List.copyOf(scope))
        : planned.custom().create(optimizer, List.copyOf(scope));
    if (scheduler instanceof MetricScheduler) {
      if (b.monitor == null) {
        throw new IllegalStateException("schedule " + planned.describe() + " of " + scopeName
            + " reduces on a metric; name it with monitor(\"val_loss\") (a key of the map given to endEpoch)");
      }
      if (planned.interval() != Interval.EPOCH) {
        throw new IllegalStateException("schedule " + planned.describe() + " of " + scopeName
            + " reduces on a metric, which arrives once per epoch at endEpoch; use Interval.EPOCH");
      }
    }
    return new TrainingPlan.ActiveSchedule(planned, scheduler, scopeName);
  }

  static List<String> names(List<ParamGroup> groups) {
    return groups.stream().map(ParamGroup::name).toList();
  }
}
