package dev.anneal.processor.validation;

import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.TrainingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules that need the whole model: a schedule's floor ({@code eta_min}, {@code lr_min}) against the
 * lr of every group it drives.
 */
final class PlanChecks {
  private final TrainingModel model;
  private final Report report;

  PlanChecks(TrainingModel model, Report report) {
    this.model = model;
    this.report = report;
  }

  void run() {
    Map<Arg, List<GroupModel>> floorsTooHigh = new LinkedHashMap<>();
    for (GroupModel group : model.groups()) {
      ScheduleNode schedule = group.schedule() != null ? group.schedule() : model.schedule();
      List<Arg> floors = new ArrayList<>();
      collectFloors(schedule, floors);
      for (Arg floor : floors) {
        if (floor.asDouble() >= model.lrOf(group)) {
          floorsTooHigh.computeIfAbsent(floor, f -> new ArrayList<>()).add(group);
        }
      }
    }
    floorsTooHigh.forEach((floor, groups) -> {
      List<String> names = groups.stream().map(GroupModel::name).toList();
      List<String> lrs = groups.stream().map(g -> ValueRules.show(model.lrOf(g))).toList();
      report.add(Message.ETA_MIN_ABOVE_LR, floor.where(), floorName(floor), ValueRules.show(floor.value()),
          String.join(", ", names), String.join(", ", lrs));
    });
  }

  private static String floorName(Arg floor) {
    return floor.where().value() != null && floor.where().value().toString().contains("lr_min") ? "lr_min" : "eta_min";
  }

  private static void collectFloors(ScheduleNode node, List<Arg> into) {
    if (node == null) {
      return;
    }
    for (String key : List.of("eta_min", "lr_min")) {
      Arg arg = node.kwargs().get(key);
      if (arg != null && !(arg.value() instanceof Count)) {
        into.add(arg);
      }
    }
    node.children().forEach(child -> collectFloors(child, into));
  }
}
