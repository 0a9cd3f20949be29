package dev.anneal.swa;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import java.util.ArrayList;
import java.util.List;

/** Trains a plan of one weight and records its plan-kept average after every step. */
public final class AveragedRun {
  private AveragedRun() {}

  /** Gradient 1 each step (with lr 1 the weight after step s, 1-based, is its start minus s); the average of {@code w} after each. */
  public static List<Float> averages(TrainingPlan plan, Parameter w, int steps) {
    List<Float> averages = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      if (!plan.clock().inEpoch()) {
        plan.startEpoch();
      }
      w.setGrad(FloatStorage.wrap(new float[] {1f}));
      plan.afterBackward();
      averages.add(plan.averagedModel().orElseThrow().averaged(w.name())[0]);
      if (plan.clock().stepInEpoch() == plan.stepsPerEpoch()) {
        plan.endEpoch();
      }
    }
    return averages;
  }
}
