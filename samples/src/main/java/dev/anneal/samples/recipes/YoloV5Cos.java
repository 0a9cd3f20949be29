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
 * {@link YoloV5} with {@code --cos-lr} over 12 epochs: {@code lf = one_cycle(1, lrf, epochs)}, a
 * cosine from 1 to {@code lrf}, which is CosineAnnealingLR over the 12 epochs down to
 * {@code eta_min = lr0 * lrf = 1e-4} (every group starts at lr0). The same {@code ModelEMA}.
 */
@Training(epochs = 12)
@Optimizer(type = OptimizerType.SGD, lr = 0.01, momentum = 0.937, kwargs = @Kwarg(name = "nesterov", value = "True"))
@Schedule(type = ScheduleType.COSINE, etaMin = 1e-4)
@Warmup(epochs = 3, minSteps = 100, startFactor = 0, startMomentum = 0.8, holdAfter = true)
@Ema(decay = 0.9999, rampTau = 2000)
public final class YoloV5Cos {
  @Exclude final YoloV5Parameters network = new YoloV5Parameters();

  /** smart_optimizer's group 0: every bias, warmed from warmup_bias_lr. */
  @Warmup(epochs = 3, minSteps = 100, startLr = 0.1, startMomentum = 0.8) final List<Parameter> biases = network.biases();
  /** Group 1: the other weights, with weight decay. */
  @WeightDecay(5e-4) final List<Parameter> weights = network.weights();
  /** Group 2: normalization weights, without weight decay (SGD's default 0). */
  final List<Parameter> normWeights = network.normWeights();
}
