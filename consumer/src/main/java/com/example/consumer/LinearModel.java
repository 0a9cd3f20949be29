package com.example.consumer;

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
import dev.anneal.param.Parameter;

/**
 * Your model: {@code y = w . x + b}, its parameters plain Anneal parameters ({@code float[]} on the
 * heap). The annotations declare how it trains; the processor checks them when this file compiles
 * and writes {@code LinearModelTraining}, whose {@code plan(model)} builds the training plan.
 */
@Training(epochs = 12, stepsPerEpoch = 8)
@Optimizer(type = OptimizerType.ADAMW, lr = 0.1, weightDecay = 1e-4)
@Warmup(steps = 8, startFactor = 0.1)                  // one epoch of linear warmup, then the cosine
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-3)
@ClipGradNorm(5.0)
public class LinearModel {
  static final int FEATURES = 3;

  final Parameter weight = Parameter.zeros("weight", FEATURES);

  @LearningRate(0.05) @WeightDecay(0) @Freeze(untilEpoch = 1)   // its own group: smaller lr, no decay, frozen at first
  final Parameter bias = Parameter.zeros("bias", 1);

  float predict(float[] x) {
    float y = bias.values().get(0);
    for (int i = 0; i < FEATURES; i++) {
      y += weight.values().get(i) * x[i];
    }
    return y;
  }
}
