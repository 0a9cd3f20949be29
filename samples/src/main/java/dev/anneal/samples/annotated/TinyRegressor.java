package dev.anneal.samples.annotated;

import dev.anneal.annotations.Accumulate;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Freeze;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LearningRate;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.annotations.WeightDecay;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;

/**
 * A small model configured only through annotations: AdamW with a one-epoch linear warmup into a
 * per-step cosine, a frozen-at-first encoder with a small lr, a head without weight decay, and a
 * bias left unannotated (it joins the default group). The processor writes
 * {@code TinyRegressorTraining}; {@code TinyRegressorTraining.plan(model)} builds the plan.
 */
@Training(epochs = 8, stepsPerEpoch = 10)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-2, weightDecay = 0.01)
@Warmup(epochs = 1, startFactor = 0.1)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-4)
@ClipGradNorm(1.0)
@Accumulate(2)
public final class TinyRegressor {
  @LearningRate(1e-3) @Freeze(untilEpoch = 2) final Layer encoder = new Layer("encoder");
  @WeightDecay(0) final Layer head = new Layer("head");
  final Parameter bias = Parameter.zeros("bias", 1);

  public TinyRegressor() {
    encoder.add("weight", 4, 1);
    head.add("weight", 1, 4);
  }

}
