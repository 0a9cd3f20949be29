package test;

import ai.djl.nn.Block;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Freeze;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LearningRate;
import dev.anneal.annotations.Loss;
import dev.anneal.annotations.LossType;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.UnfreezePolicy;
import dev.anneal.annotations.Warmup;
import dev.anneal.annotations.WeightDecay;

/** DESIGN.md's example: DJL blocks, warmup into a step-interval cosine, freezing, clipping, a cross entropy with label smoothing. */
@Training(epochs = 12)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.05)
@Warmup(epochs = 1, startFactor = 0.01)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-6)
@ClipGradNorm(1.0)
@Loss(type = LossType.CROSS_ENTROPY, labelSmoothing = 0.1, weight = {1, 1, 1, 1, 1, 1, 2, 1, 1, 1}, classes = 10)
public class FashionClassifier {
  @LearningRate(1e-4) @Freeze(untilEpoch = 3) Block stem;
  @LearningRate(3e-4) @Freeze(untilStep = 500, onUnfreeze = UnfreezePolicy.RESET_STATE, rewarmupSteps = 100) Block body;
  @LearningRate(1e-3) @WeightDecay(0) Block head;
}
