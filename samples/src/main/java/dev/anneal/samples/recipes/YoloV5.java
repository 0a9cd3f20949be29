package dev.anneal.samples.recipes;

import dev.anneal.annotations.Ema;
import dev.anneal.annotations.Exclude;
import dev.anneal.annotations.Kwarg;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.annotations.WeightDecay;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * YOLOv5's {@code train.py} with {@code hyp.scratch-low.yaml} over 8 epochs, {@code --batch 64}
 * (= {@code nbs}, so {@code accumulate} stays 1 and {@code weight_decay} is not rescaled).
 * {@code smart_optimizer}'s three SGD groups (nesterov): biases (no decay), weights (decay 5e-4),
 * normalization weights (no decay). The linear {@code lf} is LambdaLR's
 * {@code (1 - x / epochs) * (1 - lrf) + lrf}, here LinearLR from 1 to {@code lrf = 0.01}, stepped
 * per epoch. The warmup runs per batch over {@code nw = max(round(3 * nb), 100)} batches
 * ({@code epochs = 3, minSteps = 100}): {@code np.interp} of each group's lr from 0 (the biases: from
 * {@code warmup_bias_lr = 0.1}, falling) to {@code initial_lr * lf(epoch)}, and of momentum from
 * 0.8 to 0.937. train.py resets the LambdaLR's {@code last_epoch} after building it, so after the
 * warmup's last epoch the schedule runs one epoch late ({@code holdAfter}). {@code ModelEMA(model)}
 * (decay 0.9999, tau 2000) starts as a copy of the weights and is updated after every optimizer
 * step with the decay {@code 0.9999 * (1 - exp(-updates / 2000))}.
 */
@Training(epochs = 8)
@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.937, kwargs = @Kwarg(name = "nesterov", value = "True"))
@Schedule(type = ScheduleType.LINEAR, startFactor = 1.0, endFactor = 0.01, totalIters = 8)
@Warmup(epochs = 3, minSteps = 100, startFactor = 0, startMomentum = 0.8, holdAfter = true)
@Ema(decay = 0.9999, rampTau = 2000)
public final class YoloV5 {
  @Exclude final YoloV5Parameters network = new YoloV5Parameters();

  /** smart_optimizer's group 0: every bias, warmed from warmup_bias_lr. */
  @Warmup(epochs = 3, minSteps = 100, startLr = 0.1, startMomentum = 0.8) final List<Parameter> biases = network.biases();
  /** Group 1: the other weights, with weight decay. */
  @WeightDecay(5e-4) final List<Parameter> weights = network.weights();
  /** Group 2: normalization weights, without weight decay (SGD's default 0). */
  final List<Parameter> normWeights = network.normWeights();
}
