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
 * detectron2's default solver (Base-RCNN-FPN, "WarmupMultiStepLR"): SGD with momentum 0.9 and weight
 * decay 1e-4, none for normalization layers ({@code WEIGHT_DECAY_NORM = 0}, layers chosen by module
 * type: a norm layer's bias too, as {@code WEIGHT_DECAY_BIAS = None} sets no bias override), a linear
 * warmup of {@code WARMUP_ITERS} from {@code WARMUP_FACTOR} multiplying a step decay counted from
 * iteration 0 ({@code LRMultiplier} over {@code WarmupParamScheduler(MultiStepParamScheduler)}).
 * The 1x schedule (90k iterations, steps at 60k and 80k, warmup 1k) is shrunk to 180 iterations,
 * steps at 120 and 160, warmup 20.
 */
@Training(epochs = 1, stepsPerEpoch = 180)
@Optimizer(type = OptimizerType.SGD, lr = 0.02, momentum = 0.9, weightDecay = 1e-4)
@Warmup(steps = 20, startFactor = 0.001, multipliesSchedule = true)
@Schedule(type = ScheduleType.MULTI_STEP, interval = Interval.STEP, milestones = {120, 160}, gamma = 0.1)
@KindGroup(kind = ParamKind.NORM, weightDecay = 0.0)
public class Detectron2 {
  final Layer res2Conv = new Layer("backbone.bottom_up.res2.0.conv1", "Conv2d");
  final Layer res2Norm = new Layer("backbone.bottom_up.res2.0.conv1.norm", "BatchNorm2d");
  final Layer fpnLateral = new Layer("backbone.fpn_lateral2", "Conv2d");
  final Layer clsScore = new Layer("roi_heads.box_predictor.cls_score", "Linear");

  public Detectron2() {
    res2Conv.add("weight", 2, 1, 1, 1);
    res2Norm.add("weight", 2);
    res2Norm.add("bias", 2);
    fpnLateral.add("weight", 2, 1, 1, 1);
    fpnLateral.add("bias", 2);
    clsScore.add("weight", 1, 2);
    clsScore.add("bias", 1);
  }
}
