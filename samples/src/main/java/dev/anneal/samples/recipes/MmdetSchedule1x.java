package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.param.Layer;

/**
 * mmdetection's {@code schedule_1x} on mmengine, scaled down: SGD (lr 0.02, momentum 0.9, weight
 * decay 1e-4), {@code LinearLR(start_factor=0.001, by_epoch=False, begin=0, end=E)} stepped per
 * iteration and {@code MultiStepLR(milestones, gamma=0.1, by_epoch=True)} stepped per epoch, the two
 * multiplying (mmengine's schedulers are chainable).
 *
 * <p>mmengine's {@code LinearLR} over {@code [begin, end)} has {@code total_iters = end - begin - 1}:
 * it reaches the full lr at iteration {@code end - 1}, so {@code end=500} is
 * {@code @Warmup(steps = 499)}. Scaled: {@code end=7} is {@code @Warmup(steps = 6)}, milestones
 * [8, 11] of 12 epochs become [2, 3] of 4.
 */
@Training(epochs = 4, stepsPerEpoch = 4)
@Optimizer(type = OptimizerType.SGD, lr = 0.02, momentum = 0.9, weightDecay = 1e-4)
@Warmup(steps = 6, startFactor = 0.001)
@Schedule(type = ScheduleType.MULTI_STEP, interval = Interval.EPOCH, milestones = {2, 3}, gamma = 0.1)
public final class MmdetSchedule1x {
  final Layer backbone = new Layer("backbone");
  final Layer rpnHead = new Layer("rpn_head");
  final Layer roiHead = new Layer("roi_head");

  public MmdetSchedule1x() {
    backbone.add("conv1.weight", 2, 2);
    backbone.add("bn1.weight", 2);
    backbone.add("bn1.bias", 2);
    rpnHead.add("rpn_conv.weight", 2, 2);
    roiHead.add("bbox_head.fc_cls.weight", 3, 2);
    roiHead.add("bbox_head.fc_cls.bias", 3);
  }
}
