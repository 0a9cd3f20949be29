package dev.anneal.processor.validation;

import dev.anneal.annotations.ScheduleType;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Freeze;
import dev.anneal.processor.model.GroupModel;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.TrainingModel;
import java.util.List;

/**
 * fastai's {@code fine_tune} freezes every layer group but the last for {@code freeze_epochs}, then
 * unfreezes them all; the plan's {@code @Freeze} says the same thing, and a group that says
 * otherwise is legal but no longer fastai's recipe: a warning on its {@code @Freeze}.
 */
final class FastaiChecks {
  private FastaiChecks() {}

  static void run(TrainingModel model, Report report) {
    if (!(model.schedule() instanceof ScheduleNode.Single single) || single.type() != ScheduleType.FASTAI_FINE_TUNE) {
      return;
    }
    Arg freezeArg = single.kwargs().get("freeze_epochs");
    int freezeEpochs = freezeArg == null ? 1 : (int) freezeArg.asDouble();
    List<GroupModel> groups = model.groups();
    GroupModel last = groups.get(groups.size() - 1);
    for (GroupModel group : groups) {
      Freeze freeze = group.freeze();
      if (freeze == null) {
        continue;
      }
      if (group == last) {
        report.add(Message.FINE_TUNE_LAST_FROZEN, freeze.where(), group.name());
      } else if (freeze.untilEpoch() != freezeEpochs) {
        String at = freeze.untilEpoch() >= 0 ? "epoch " + freeze.untilEpoch() : "step " + freeze.untilStep();
        report.add(Message.FINE_TUNE_THAW, freeze.where(), group.name(), at, freezeEpochs);
      }
    }
  }
}
