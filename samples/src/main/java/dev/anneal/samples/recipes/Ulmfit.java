package dev.anneal.samples.recipes;

import dev.anneal.annotations.Freeze;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Kwarg;
import dev.anneal.annotations.LayerwiseDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;

/**
 * ULMFiT's classifier fine-tuning (Howard &amp; Ruder 2018) on a tiny two-layer AWD-LSTM whose layer
 * groups are the fields, in order: slanted triangular lrs ({@code cut_frac=0.1}, {@code ratio=32}),
 * discriminative lrs (each group's lr is the one above's divided by 2.6) and gradual unfreezing
 * (one more group each epoch), the triangle restarting at each of the four stages
 * ({@code cycles=4}), each stage with a fresh optimizer state ({@code reset_state}: ULMFiT ran one
 * {@code fit}, with a new optimizer, per stage). Adam with {@code betas=(0.8, 0.99)} and {@code wd=1e-7}, as ULMFiT's notebook.
 */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.ADAM, lr = 0.01, betas = {0.8, 0.99}, weightDecay = 1e-7)
@LayerwiseDecay(1 / 2.6)
@Schedule(type = ScheduleType.SLANTED_TRIANGULAR, interval = Interval.STEP,
    kwargs = {@Kwarg(name = "cycles", value = "4"), @Kwarg(name = "reset_state", value = "True")})
public final class Ulmfit {
  @Freeze(untilEpoch = 3) final Layer encoder = new Layer("0.encoder");
  @Freeze(untilEpoch = 2) final Layer rnn0 = new Layer("0.rnns.0.module");
  @Freeze(untilEpoch = 1) final Layer rnn1 = new Layer("0.rnns.1.module");
  final Layer decoder = new Layer("1.decoder");

  public Ulmfit() {
    encoder.add("weight", 2, 1);
    rnn0.add("weight_ih_l0", 1, 1);
    rnn0.add("bias_ih_l0", 1);
    rnn1.add("weight_ih_l0", 1, 1);
    decoder.add("weight", 1, 1);
    decoder.add("bias", 1);
  }
}
