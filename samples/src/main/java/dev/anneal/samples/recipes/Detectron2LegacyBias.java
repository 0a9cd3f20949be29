package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.KindGroup;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ParamKind;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.param.Layer;

/**
 * {@link Detectron2} with Detectron1's legacy bias settings, {@code BIAS_LR_FACTOR = 2.0} and
 * {@code WEIGHT_DECAY_BIAS = 0.0}: detectron2 applies the bias override after the norm one, so a
 * norm layer's bias takes the bias settings; {@code BIAS} is written first for that.
 */
@Training(epochs = 1, stepsPerEpoch = 180)
@Optimizer(type = OptimizerType.SGD, lr = 0.02, momentum = 0.9, weightDecay = 1e-4)
@Warmup(steps = 20, startFactor = 0.001, multipliesSchedule = true)
@Schedule(type = ScheduleType.MULTI_STEP, interval = Interval.STEP, milestones = {120, 160}, gamma = 0.1)
@KindGroup(kind = ParamKind.BIAS, lrFactor = 2.0, weightDecay = 0.0)
@KindGroup(kind = ParamKind.NORM, weightDecay = 0.0)
public class Detectron2LegacyBias {
  final Layer res2Conv = new Layer("backbone.bottom_up.res2.0.conv1", "Conv2d");
  final Layer res2Norm = new Layer("backbone.bottom_up.res2.0.conv1.norm", "BatchNorm2d");
  final Layer fpnLateral = new Layer("backbone.fpn_lateral2", "Conv2d");
  final Layer clsScore = new Layer("roi_heads.box_predictor.cls_score", "Linear");

  public Detectron2LegacyBias() {
    res2Conv.add("weight", 2, 1, 1, 1);
    res2Norm.add("weight", 2);
    res2Norm.add("bias", 2);
    fpnLateral.add("weight", 2, 1, 1, 1);
    fpnLateral.add("bias", 2);
    clsScore.add("weight", 1, 2);
    clsScore.add("bias", 1);
  }
}
