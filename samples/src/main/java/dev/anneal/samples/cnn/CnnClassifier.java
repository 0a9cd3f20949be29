package dev.anneal.samples.cnn;

import ai.djl.nn.Block;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Group;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Loss;
import dev.anneal.annotations.LossType;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.samples.fashion.FashionCnn;

/**
 * Sample 2's training, declared with annotations: AdamW, 200 steps of linear warmup from 1% of
 * the lr, then cosine decay to 1% of it over the rest of the 5 epochs, stepped every optimizer
 * step, gradient norm clipped at 1, PyTorch's cross entropy with label smoothing 0.1 over the 10
 * classes. The processor writes {@code CnnClassifierTraining} ({@code plan(...)} and {@code loss()});
 * each field (a part of the {@link FashionCnn}) is a parameter group.
 */
@Training(epochs = 5)
@Optimizer(type = OptimizerType.ADAMW, lr = 2e-3, weightDecay = 0.05)
@Warmup(steps = 200, startFactor = 0.01)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 2e-5)
@ClipGradNorm(1.0)
@Loss(type = LossType.CROSS_ENTROPY, labelSmoothing = 0.1, classes = 10)
public final class CnnClassifier {
  @Group("stem") final Block stem;   // one group each, to see them in the lr lines and plots
  @Group("body") final Block body;
  @Group("head") final Block head;

  public CnnClassifier(FashionCnn model) {
    this.stem = model.stem;
    this.body = model.body;
    this.head = model.head;
  }
}
