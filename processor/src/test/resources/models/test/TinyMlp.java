package test;

import dev.anneal.annotations.Accumulate;
import dev.anneal.annotations.ClipGradValue;
import dev.anneal.annotations.Exclude;
import dev.anneal.annotations.Group;
import dev.anneal.annotations.Hyperparameter;
import dev.anneal.annotations.Kwarg;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.SequentialSchedule;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * Runtime layers only: a default group of unannotated fields (one private with an accessor, one a
 * list of parameters), phases with a field-level StepLR, accumulation, clipping by value, steps
 * per epoch known at compile time.
 */
@Training(epochs = 6, stepsPerEpoch = 50)
@Optimizer(type = OptimizerType.SGD, lr = 0.1, momentum = 0.9, kwargs = @Kwarg(name = "nesterov", value = "true"))
@SequentialSchedule(
    value = {
      @Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, totalIters = 2),
      @Schedule(type = ScheduleType.COSINE, etaMin = 0.001)
    },
    milestones = {2})
@Accumulate(4)
@ClipGradValue(0.5)
public class TinyMlp {
  Layer hidden;
  private Layer embed;
  List<Parameter> norms;
  @Group("classifier") @Hyperparameter(name = "weight_decay", value = "1e-4")
  @Schedule(type = ScheduleType.STEP, stepSize = 2, gamma = 0.5) Layer head;
  @Exclude Layer teacher;

  Layer embed() {
    return embed;
  }
}
