package dev.anneal.samples.transfer;

import ai.djl.nn.Block;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.samples.fashion.FashionCnn;

/**
 * Plain full fine-tuning, the baseline: every field unannotated, so all of them form the one
 * {@code default} group with the optimizer's lr; nothing frozen; the same cosine per step and the
 * same epochs as {@link LayerWiseFineTuning}.
 */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.01)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP)
@ClipGradNorm(1.0)
final class FullFineTuning {
  final Block stem;
  final Block body;
  final Block head;

  FullFineTuning(FashionCnn model) {
    this.stem = model.stem;
    this.body = model.body;
    this.head = model.head;
  }
}
