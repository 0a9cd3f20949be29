package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link YoloV5}'s plan, through the generated {@code YoloV5Training}. */
public final class YoloV5Plan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 20;

  @Override
  public String name() {
    return "YoloV5";
  }

  @Override
  public String description() {
    return "YOLOv5 train.py: SGD nesterov, 3 groups, per-batch warmup of lr (biases from 0.1) and momentum, linear lf per epoch";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    YoloV5 model = new YoloV5();
    return stepsPerEpoch == 0 ? YoloV5Training.plan(model, TRACED) : YoloV5Training.plan(model, stepsPerEpoch);
  }
}
