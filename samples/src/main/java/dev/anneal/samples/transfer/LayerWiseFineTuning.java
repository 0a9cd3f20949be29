package dev.anneal.samples.transfer;

import ai.djl.nn.Block;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Freeze;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LearningRate;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.samples.fashion.FashionCnn;

/**
 * Fine-tuning with layer-wise learning rates, smaller for lower layers, and the pretrained
 * backbone frozen for the first epoch, then warmed up again over 50 steps; cosine per step. In
 * sample 3's few-shot runs an epoch is {@code --steps-per-epoch} steps (25) over the small set.
 */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.01)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)
@ClipGradNorm(1.0)
final class LayerWiseFineTuning {
  @LearningRate(1e-4) @Freeze(untilEpoch = 1, rewarmupSteps = 50) final Block stem;
  @LearningRate(3e-4) @Freeze(untilEpoch = 1, rewarmupSteps = 50) final Block body;
  @LearningRate(1e-3) final Block head;

  LayerWiseFineTuning(FashionCnn model) {
    this.stem = model.stem;
    this.body = model.body;
    this.head = model.head;
  }
}
