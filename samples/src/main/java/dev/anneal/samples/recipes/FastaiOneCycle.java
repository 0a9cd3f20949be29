package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.LayerwiseDecay;
import dev.anneal.annotations.NoDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;

/**
 * fastai's {@code learn.fit_one_cycle(3, slice(1e-4, 1e-2))} on three layer groups (the fields, in
 * order): {@code slice(lo, hi)} spreads the lrs geometrically ({@code @LayerwiseDecay(0.1)} from
 * {@code 1e-2}), each group's lr is its {@code lr_max}, beta1 follows {@code moms=(0.95, 0.85, 0.95)};
 * fastai's Adam (AdamW, {@code betas=(0.9, 0.99)}, {@code eps=1e-5}, {@code wd=0.01}) without weight
 * decay on biases ({@code wd_bn_bias=False}).
 */
@Training(epochs = 3)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-2, betas = {0.9, 0.99}, eps = 1e-5, weightDecay = 0.01)
@LayerwiseDecay(0.1)
@NoDecay
@Schedule(type = ScheduleType.FASTAI_ONE_CYCLE, interval = Interval.STEP)
public final class FastaiOneCycle {
  final Layer first = new Layer("0");
  final Layer second = new Layer("1");
  final Layer third = new Layer("2");

  public FastaiOneCycle() {
    first.add("weight", 2, 1);
    first.add("bias", 2);
    second.add("weight", 1, 2);
    second.add("bias", 1);
    third.add("weight", 1, 1);
    third.add("bias", 1);
  }
}
