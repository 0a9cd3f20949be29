package test;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.param.Layer;

/**
 * Step-interval schedules with the steps per epoch known only at run time, one per group: the
 * preview shows what does not depend on them and names why the rest does.
 */
@Training(epochs = 5)
@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9)
@Warmup(steps = 100, startFactor = 0.1)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)
class StepRecipes {
  @Schedule(type = ScheduleType.CYCLIC, baseLr = 0.001, maxLr = 0.01, interval = Interval.STEP) Layer cyclic;
  @Schedule(type = ScheduleType.TIMM_COSINE, interval = Interval.STEP, lrMin = 1e-4) Layer timm;
  @Schedule(type = ScheduleType.LINEAR_WITH_WARMUP, numWarmupSteps = 0, interval = Interval.STEP) Layer linear;
  @Schedule(type = ScheduleType.COSINE_WITH_WARMUP, numWarmupSteps = 50, interval = Interval.STEP) Layer recipe;
  @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.1, interval = Interval.STEP) Layer oneCycle;
  Layer rest;
}
