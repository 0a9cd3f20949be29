package dev.anneal.samples.recipes;

import dev.anneal.annotations.Freeze;
import dev.anneal.annotations.Group;
import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Kwarg;
import dev.anneal.annotations.NoDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Layer;

/**
 * fastai's {@code learn.fine_tune(3, base_lr=2e-3)} on a model split into four layer groups
 * ({@code [0.0, 0.1, 0.2, 1]}: a linear stem, its BatchNorm, a linear body, the head), with fastai's
 * defaults: its Adam (AdamW with {@code betas=(mom, sqr_mom)=(0.9, 0.99)}, {@code eps=1e-5},
 * decoupled {@code wd=0.01}), {@code moms=(0.95, 0.85, 0.95)} scheduling beta1,
 * {@code wd_bn_bias=False} (norm and bias parameters without weight decay: {@code @NoDecay}) and
 * {@code train_bn=True} (the BatchNorm group is not frozen while the groups around it are).
 *
 * <p>Each field is one of fastai's layer groups ({@code @Group} keeps the unannotated ones apart).
 * The first epoch is the frozen fit ({@code @Freeze(untilEpoch = 1)} on every layer group but
 * the head and the BatchNorm); the three after it train everything with discriminative lrs.
 */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.ADAMW, lr = 2e-3, betas = {0.9, 0.99}, eps = 1e-5, weightDecay = 0.01)
@NoDecay
@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = @Kwarg(name = "epochs", value = "3"))
public final class FastaiFineTune {
  @Freeze(untilEpoch = 1) final Layer stem = new Layer("0.0");
  @Group("bn") final Layer bn = new Layer("0.1");
  @Freeze(untilEpoch = 1) final Layer body = new Layer("0.2");
  @Group("head") final Layer head = new Layer("1");

  public FastaiFineTune() {
    stem.add("weight", 1, 2);
    stem.add("bias", 1);
    bn.add("weight", 1);
    bn.add("bias", 1);
    body.add("weight", 2, 1);
    body.add("bias", 1);
    head.add("weight", 1, 2);
    head.add("bias", 1);
  }
}
