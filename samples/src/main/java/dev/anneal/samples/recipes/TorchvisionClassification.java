package dev.anneal.samples.recipes;

import dev.anneal.annotations.Ema;
import dev.anneal.annotations.NoDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ParamKind;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.SequentialSchedule;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;

/**
 * torchvision's classification reference ({@code references/classification/train.py}) with its
 * ResNet recipe's shape: SGD with momentum 0.9, weight decay 1e-4 but none for normalization layers
 * ({@code --norm-weight-decay 0.0}, layers chosen by module type: the classifier's bias keeps its
 * decay), {@code LinearLR} warmup from {@code lr_warmup_decay} then {@code CosineAnnealingLR} in a
 * {@code SequentialLR} stepped per epoch, and the weights' EMA every {@code model_ema_steps} with the
 * batch-adjusted decay, copying during the warmup epochs. Shrunk to 6 epochs (2 of warmup) of 8
 * batches, {@code model_ema_steps = 3}, {@code world_size * batch_size = 1024}.
 */
@Training(epochs = 6, stepsPerEpoch = 8)
@Optimizer(type = OptimizerType.SGD, lr = 0.5, momentum = 0.9, weightDecay = 1e-4)
@SequentialSchedule(value = {
    @Schedule(type = ScheduleType.LINEAR, startFactor = 0.01, totalIters = 2),
    @Schedule(type = ScheduleType.COSINE, tMax = 4)}, milestones = 2)
@NoDecay(ParamKind.NORM)
@Ema(decay = 0.99998, everySteps = 3, adjustedForBatch = 1024, copyDuringEpochs = 2)
public class TorchvisionClassification {
  final Layer conv1 = new Layer("conv1", "Conv2d");
  final Layer bn1 = new Layer("bn1", "BatchNorm2d");
  final Layer blockConv = new Layer("layer1.0.conv1", "Conv2d");
  final Layer blockNorm = new Layer("layer1.0.bn1", "BatchNorm2d");
  final Layer fc = new Layer("fc", "Linear");

  public TorchvisionClassification() {
    conv1.add("weight", 2, 1, 1, 1);
    bn1.add("weight", 2);
    bn1.add("bias", 2);
    blockConv.add("weight", 2, 1, 1, 1);
    blockNorm.add("weight", 2);
    blockNorm.add("bias", 2);
    fc.add("weight", 2, 1);
    fc.add("bias", 2);
  }
}
