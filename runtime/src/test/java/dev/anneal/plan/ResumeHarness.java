package dev.anneal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Drives a plan over a {@link ToyModel} from wherever its clock stands, resumable mid-epoch. */
final class ResumeHarness {
  static final int BATCHES = 6;

  private ResumeHarness() {}

  /** lrs of every optimizer step, recorded by a listener. */
  static final class LrLog implements PlanListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void onStep(StepReport report) {
      StringBuilder line = new StringBuilder("step " + report.step() + ":");
      for (double lr : report.lrs()) {
        line.append(' ').append(Double.doubleToRawLongBits(lr));
      }
      lines.add(line.toString());
    }
  }

  /**
   * Runs until the plan is finished or {@code stop} holds for the plan after a micro-batch or an
   * epoch end; returns whether it stopped early.
   */
  static boolean run(TrainingPlan plan, ToyModel model, Predicate<TrainingPlan> stop) {
    while (!plan.finished()) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      while (plan.clock().batchInEpoch() < BATCHES) {
        int epoch = plan.clock().epoch();
        long batch = plan.clock().batchInEpoch();
        if (plan.optimizer().type().equals("LBFGS")) {
          plan.step(() -> {
            model.all().forEach(p -> p.setGrad(null));
            model.backward(epoch, batch, 1.0);
            return model.loss();
          });
        } else {
          model.backward(epoch, batch, plan.lossScale());
          plan.afterBackward();
        }
        if (stop.test(plan)) {
          return true;
        }
      }
      plan.finishEpochSteps();
      plan.endEpoch(Map.of("val_loss", model.loss()));
      if (stop.test(plan)) {
        return true;
      }
    }
    return false;
  }
}
