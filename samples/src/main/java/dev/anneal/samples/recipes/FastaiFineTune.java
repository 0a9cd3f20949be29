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
import dev.anneal.param.Parameter;

/**
 * fastai's {@code learn.fine_tune(3, base_lr=2e-3)} on a body {@code Sequential(Linear, BatchNorm1d,
 * Linear)} and a linear head, split as fastai's {@code default_split} (what {@code cnn_learner} uses
 * for a model without its own splitter) into two layer groups {@code [body, head]}, with fastai's
 * defaults: its Adam (AdamW with {@code betas=(mom, sqr_mom)=(0.9, 0.99)}, {@code eps=1e-5},
 * decoupled {@code wd=0.01}), {@code moms=(0.95, 0.85, 0.95)} scheduling beta1,
 * {@code wd_bn_bias=False} (norm and bias parameters without weight decay: {@code @NoDecay}) and
 * {@code train_bn=True}: the BatchNorm inside the frozen body keeps training, with the body's lr
 * ({@code @Freeze(trainNorm = true)}, by its module type).
 *
 * <p>Each field is one of fastai's layer groups ({@code @Group} names the unannotated head). The
 * first epoch is the frozen fit ({@code @Freeze(untilEpoch = 1)} on the body); the three after it
 * train everything with discriminative lrs.
 */
@Training(epochs = 4)
@Optimizer(type = OptimizerType.ADAMW, lr = 2e-3, betas = {0.9, 0.99}, eps = 1e-5, weightDecay = 0.01)
@NoDecay
@Schedule(type = ScheduleType.FASTAI_FINE_TUNE, interval = Interval.STEP, kwargs = @Kwarg(name = "epochs", value = "3"))
public final class FastaiFineTune {
  @Freeze(untilEpoch = 1, trainNorm = true) final Layer body = new Layer("0");
  @Group("head") final Layer head = new Layer("1");

  public FastaiFineTune() {
    body.add(Parameter.zeros("0.0.weight", 1, 2).moduleType("Linear"));
    body.add(Parameter.zeros("0.0.bias", 1).moduleType("Linear"));
    body.add(Parameter.zeros("0.1.weight", 1).moduleType("BatchNorm1d"));
    body.add(Parameter.zeros("0.1.bias", 1).moduleType("BatchNorm1d"));
    body.add(Parameter.zeros("0.2.weight", 2, 1).moduleType("Linear"));
    body.add(Parameter.zeros("0.2.bias", 1).moduleType("Linear"));
    head.add("weight", 1, 2);
    head.add("bias", 1);
  }
}
