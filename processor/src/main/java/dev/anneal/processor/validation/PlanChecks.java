package dev.anneal.processor.validation;

import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.TrainingModel;
import dev.anneal.processor.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules that need the whole model: a schedule's floor ({@code eta_min}, {@code lr_min}) against the
 * lr of every group it drives.
 */
final class PlanChecks {
  private static final List<String> FLOORS = List.of("eta_min", "lr_min");

  private final TrainingModel model;
  private final Report report;

  /** A floor argument and its PyTorch name. */
  private record Floor(String name, Arg arg) {}

  PlanChecks(TrainingModel model, Report report) {
    this.model = model;
    this.report = report;
  }

  void run() {
    Map<Floor, List<GroupModel>> floorsTooHigh = new LinkedHashMap<>();
    for (GroupModel group : model.groups()) {
      ScheduleNode schedule = group.schedule() != null ? group.schedule() : model.schedule();
      List<Floor> floors = new ArrayList<>();
      collectFloors(schedule, floors);
      for (Floor floor : floors) {
        if (floor.arg().asDouble() >= model.lrOf(group)) {
          floorsTooHigh.computeIfAbsent(floor, f -> new ArrayList<>()).add(group);
        }
      }
    }
    floorsTooHigh.forEach((floor, groups) -> {
      List<String> names = groups.stream().map(GroupModel::name).toList();
      List<String> lrs = groups.stream().map(g -> Value.showNumber(model.lrOf(g))).toList();
      report.add(Message.ETA_MIN_ABOVE_LR, floor.arg().where(), floor.name(), floor.arg().value().show(),
          String.join(", ", names), String.join(", ", lrs));
    });
  }

  private static void collectFloors(ScheduleNode node, List<Floor> into) {
    if (node == null) {
      return;
    }
    if (node instanceof ScheduleNode.Single single) {
      for (String key : FLOORS) {
        Arg arg = single.kwargs().get(key);
        if (arg != null && arg.value().isNumber()) {
          into.add(new Floor(key, arg));
        }
      }
    }
    node.children().forEach(child -> collectFloors(child, into));
  }
}
