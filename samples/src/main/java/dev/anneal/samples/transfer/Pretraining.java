package dev.anneal.samples.transfer;

import ai.djl.nn.Block;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;

/** Pretraining on classes 0-4: AdamW, one epoch of warmup, then cosine per step; one group. */
@Training(epochs = 3)
@Optimizer(type = OptimizerType.ADAMW, lr = 2e-3, weightDecay = 0.05)
@Warmup(epochs = 1, startFactor = 0.01)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)
@ClipGradNorm(1.0)
final class Pretraining {
  final Block model;

  Pretraining(Block model) {
    this.model = model;
  }
}
