package dev.anneal.samples.recipes;

import dev.anneal.annotations.Accumulate;
import dev.anneal.annotations.ClipGradNorm;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.NoDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ParamKind;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.annotations.Warmup;
import dev.anneal.param.Layer;

/**
 * nanoGPT (karpathy/nanoGPT {@code train.py}, {@code model.py}), scaled down to 21 iterations:
 * {@code torch.optim.AdamW} with betas (0.9, 0.95) and weight decay 0.1 on the parameters of two or
 * more dimensions only ({@code configure_optimizers}: biases and LayerNorm weights get 0), gradient
 * accumulation with the loss divided by {@code gradient_accumulation_steps}, clipping to 1.0, and
 * {@code get_lr}: a linear warmup of {@code warmup_iters} (4) steps, then a cosine from 6e-4 down to
 * {@code min_lr} 6e-5 at {@code lr_decay_iters} = {@code max_iters} = 20.
 *
 * <p>nanoGPT's warmup is {@code lr * (it + 1) / (warmup_iters + 1)}: a linear warmup over 4 steps
 * from {@code 1 / (warmup_iters + 1)} = 0.2. The loop runs while {@code iter_num <= max_iters}, so
 * 21 steps of which the cosine takes {@code lr_decay_iters - warmup_iters} = 16 ({@code tMax}, one
 * fewer than the training less the warmup), its last step at {@code min_lr}.
 */
@Training(epochs = 1, stepsPerEpoch = 21)
@Optimizer(type = OptimizerType.ADAMW, lr = 6e-4, weightDecay = 0.1, betas = {0.9, 0.95})
@NoDecay(ParamKind.ONE_DIMENSIONAL)
@Warmup(steps = 4, startFactor = 0.2)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, tMax = 16, etaMin = 6e-5)
@ClipGradNorm(1.0)
@Accumulate(2)
public final class NanoGpt {
  final Layer transformer = new Layer("transformer");

  public NanoGpt() {
    transformer.add("wte.weight", 4, 2);
    transformer.add("wpe.weight", 3, 2);
    transformer.add("h.0.ln_1.weight", 2);
    transformer.add("h.0.attn.c_attn.weight", 2, 2);
    transformer.add("h.0.attn.c_attn.bias", 2);
    transformer.add("ln_f.weight", 2);
  }
}
