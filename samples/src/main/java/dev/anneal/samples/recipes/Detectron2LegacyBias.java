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
public class Detectron2LegacyBias extends Detectron2 {
  // Detectron2's layers, inherited: named_parameters() lists a superclass's fields first.
}
