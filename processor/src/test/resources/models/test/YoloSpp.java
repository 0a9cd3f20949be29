package test;

import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.annotations.WeightDecay;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * YOLOv3-SPP's recipe: a warmup of 1000 iterations inside the first epoch, then a cosine stepped per
 * epoch down to lrf = 0.01 of the lr; biases without weight decay.
 */
@Training(epochs = 30, stepsPerEpoch = 1200)
@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.937, weightDecay = 5e-4,
    kwargs = @dev.anneal.annotations.Kwarg(name = "nesterov", value = "True"))
@Warmup(steps = 1000, startFactor = 0.001)
@Schedule(type = ScheduleType.COSINE, etaMin = 1e-4)
public class YoloSpp {
  Layer backbone;
  Layer head;
  @WeightDecay(0) List<Parameter> biases;
}
