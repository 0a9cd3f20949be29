package dev.anneal.samples.easytrain;

import ai.djl.nn.Block;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Freeze;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LearningRate;
import dev.anneal.annotations.Loss;
import dev.anneal.annotations.LossType;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ReduceLrOnPlateau;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.annotations.WeightDecay;
import dev.anneal.samples.fashion.FashionCnn;

/**
 * Sample 5's recipe, run by DJL's {@code EasyTrain}: AdamW with an lr per group, the stem frozen
 * for the first epoch, 200 steps of linear warmup, then the lr halved whenever DJL's validation
 * loss stops falling, except the new head's, which decays by cosine every optimizer step;
 * gradient norm clipped at 1, PyTorch's cross entropy with label smoothing 0.1.
 */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.ADAMW, lr = 2e-3, weightDecay = 0.05)
@Warmup(steps = 200, startFactor = 0.01)
@ReduceLrOnPlateau(monitor = "val_loss", factor = 0.5, patience = 0)
@ClipGradNorm(1.0)
@Loss(type = LossType.CROSS_ENTROPY, labelSmoothing = 0.1, classes = 10)
public final class EasyTrainClassifier {
  @LearningRate(1e-3) @Freeze(untilEpoch = 1) final Block stem;
  final Block body;
  @WeightDecay(0) @Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 2e-5) final Block head;

  public EasyTrainClassifier(FashionCnn model) {
    this.stem = model.stem;
    this.body = model.body;
    this.head = model.head;
  }
}
