package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LearningRate;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ReduceLrOnPlateau;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.annotations.WeightDecay;
import dev.anneal.param.Layer;

/**
 * The seeds' own recipe: AdamW groups (stem 1e-4, body 3e-4, head 1e-3 without weight decay), a
 * cosine stepped per batch after a linear warmup of 5 steps, and {@code ReduceLROnPlateau} on
 * {@code val_loss} at every epoch's end on top, as Lightning drives an {@code interval="step"}
 * scheduler and a plateau config on one optimizer.
 *
 * <p>{@code @ReduceLrOnPlateau} next to the main schedule is a second scheduler: it steps after the
 * main one at the epoch's end and scales the groups' lrs, which the cosine (chainable, as PyTorch's)
 * then keeps scaling, so a reduction stays. The warmup is a factor of the base lr: a reduction during
 * it lasts one step, and the cosine starts from the base lrs (PyTorch's {@code SequentialLR} of a
 * {@code LambdaLR} warmup and a {@code CosineAnnealingLR} does the same).
 */
@Training(epochs = 8)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.05)
@Warmup(steps = 5, startFactor = 0.01)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-6)
@ReduceLrOnPlateau(monitor = "val_loss", factor = 0.5, patience = 1)
public final class SeedsPlateau {
  @LearningRate(1e-4) final Layer stem = new Layer("stem");
  @LearningRate(3e-4) final Layer body = new Layer("body");
  @WeightDecay(0) final Layer head = new Layer("head");

  public SeedsPlateau() {
    stem.add("conv.weight", 2, 2);
    stem.add("bn.weight", 2);
    body.add("block.0.weight", 2, 2);
    body.add("block.0.bias", 2);
    head.add("weight", 3, 2);
    head.add("bias", 3);
  }
}
