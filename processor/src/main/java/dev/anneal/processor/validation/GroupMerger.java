package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.FieldRef;
import dev.anneal.processor.model.Freeze;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ParamSplits;
import dev.anneal.processor.model.ScheduleNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;

/**
 * Merges the fields that name the same group with {@code @Group("norms")} into one group, in the
 * order of their first field. A setting given on any of the fields is the group's; two fields
 * giving one setting different values is an error on the second value, naming both fields. A field
 * whose group name is only its own name does not merge: it clashes (two fields share a group only
 * when both say so with {@code @Group}).
 */
final class GroupMerger {
  private final Report report;

  GroupMerger(Report report) {
    this.report = report;
  }

  List<GroupModel> merge(List<GroupModel> groups) {
    Map<String, GroupModel> byName = new LinkedHashMap<>();
    for (GroupModel group : groups) {
      GroupModel first = byName.get(group.name());
      if (first == null) {
        byName.put(group.name(), group);
      } else if (!named(first) || !named(group)) {
        duplicate(first, group);
      } else {
        byName.put(group.name(), merged(first, group));
      }
    }
    return new ArrayList<>(byName.values());
  }

  private GroupModel merged(GroupModel into, GroupModel more) {
    String field = more.fields().get(0).name();
    Map<String, Arg> overrides = new LinkedHashMap<>(into.overrides());
    more.overrides().forEach((key, arg) -> {
      Arg existing = overrides.get(key);
      if (existing == null) {
        overrides.put(key, arg);
      } else if (!existing.value().equals(arg.value())) {
        report.add(Message.GROUP_CONFLICT, arg.where(), firstOf(into, existing), field, into.name(), key,
            existing.value().show(), arg.value().show());
      }
    });
    Freeze freeze = into.freeze();
    if (more.freeze() != null) {
      if (freeze == null) {
        freeze = more.freeze();
      } else if (!sameFreeze(freeze, more.freeze())) {
        report.add(Message.GROUP_CONFLICT, more.freeze().where(), ownerOf(into, freeze.where()), field, into.name(), "@Freeze",
            describe(freeze), describe(more.freeze()));
      }
    }
    ScheduleNode schedule = into.schedule();
    if (more.schedule() != null) {
      if (schedule == null) {
        schedule = more.schedule();
      } else {
        report.add(Message.GROUP_CONFLICT, more.schedule().where(), ownerOf(into, schedule.where()), field, into.name(),
            "a schedule of its own", "one", "another (declare it on one field only)");
      }
    }
    ParamSplits splits = into.splits();
    if (!more.splits().sameAs(ParamSplits.NONE)) {
      if (splits.sameAs(ParamSplits.NONE)) {
        splits = more.splits();
      } else if (!splits.sameAs(more.splits())) {
        Location where = more.splits().noDecay() != null ? more.splits().noDecay().where() : more.splits().layerDecay().where();
        report.add(Message.GROUP_CONFLICT, where, into.fields().get(0).name(), field, into.name(), "@NoDecay or @LayerDecay",
            "one split", "another");
      }
    }
    List<FieldRef> fields = new ArrayList<>(into.fields());
    fields.addAll(more.fields());
    return new GroupModel(into.name(), fields, false, overrides, freeze, schedule, splits);
  }

  /** The field of {@code group} whose annotation {@code arg} came from. */
  private static String firstOf(GroupModel group, Arg arg) {
    return ownerOf(group, arg.where());
  }

  private static String ownerOf(GroupModel group, Location where) {
    for (FieldRef ref : group.fields()) {
      if (ref.element().equals(where.element())) {
        return ref.name();
      }
    }
    return group.fields().get(0).name();
  }

  private static boolean sameFreeze(Freeze a, Freeze b) {
    return a.untilEpoch() == b.untilEpoch() && a.untilStep() == b.untilStep() && a.resetState() == b.resetState()
        && a.rewarmupSteps() == b.rewarmupSteps() && a.holdBatchNorm() == b.holdBatchNorm()
        && a.trainNorm() == b.trainNorm();
  }

  private static String describe(Freeze f) {
    return "@Freeze(" + (f.untilEpoch() >= 0 ? "untilEpoch = " + f.untilEpoch() : "untilStep = " + f.untilStep())
        + (f.resetState() ? ", onUnfreeze = RESET_STATE" : "") + (f.rewarmupSteps() > 0 ? ", rewarmupSteps = " + f.rewarmupSteps() : "")
        + (f.holdBatchNorm() ? ", batchNorm = HOLD" : "") + (f.trainNorm() ? ", trainNorm = true" : "") + ")";
  }

  private static boolean named(GroupModel group) {
    return Mirrors.find(group.fields().get(0).element(), Names.GROUP).isPresent();
  }

  private void duplicate(GroupModel first, GroupModel group) {
    GroupModel reported = group;
    GroupModel other = first;
    if (!named(group) && named(first)) {
      reported = first;
      other = group;
    }
    VariableElement field = reported.fields().get(0).element();
    Location where = Mirrors.find(field, Names.GROUP).map(m -> new Location(field, m, Mirrors.value(m, "value")))
        .orElse(Location.of(field));
    report.add(Message.DUPLICATE_GROUP, where, group.name(), field.getSimpleName(), "field " + other.fields().get(0).name());
  }
}
