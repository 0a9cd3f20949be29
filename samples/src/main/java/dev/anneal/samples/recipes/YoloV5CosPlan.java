package dev.anneal.samples.recipes;

import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;

/** {@link YoloV5Cos}'s plan, through the generated {@code YoloV5CosTraining}. */
public final class YoloV5CosPlan implements PlanFactory {
  /** The steps per epoch of the recipe's trace, which a preview without its own number uses. */
  static final int TRACED = 10;

  @Override
  public String name() {
    return "YoloV5Cos";
  }

  @Override
  public String description() {
    return "YOLOv5 train.py --cos-lr: SGD nesterov, 3 groups, per-batch warmup of lr and momentum, cosine lf per epoch";
  }

  @Override
  public TrainingPlan plan(int stepsPerEpoch) {
    YoloV5Cos model = new YoloV5Cos();
    return stepsPerEpoch == 0 ? YoloV5CosTraining.plan(model, TRACED) : YoloV5CosTraining.plan(model, stepsPerEpoch);
  }
}
