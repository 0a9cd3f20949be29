package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
import dev.anneal.annotations.Kwarg;
import dev.anneal.annotations.LayerDecay;
import dev.anneal.annotations.LayerIds;
import dev.anneal.annotations.LayerScale;
import dev.anneal.annotations.NoDecay;
import dev.anneal.annotations.Optimizer;
import dev.anneal.annotations.OptimizerType;
import dev.anneal.annotations.ParamKind;
import dev.anneal.annotations.Schedule;
import dev.anneal.annotations.ScheduleType;
import dev.anneal.annotations.Training;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * {@link TimmVit} with {@code --sched-on-updates}: the cosine steps after every optimizer update,
 * {@code t_initial} and {@code warmup_t} counted in updates as {@code create_scheduler_v2} computes
 * them ({@code t_initial} = 8 epochs of 4 updates, derived from the training; {@code warmup_t} =
 * 2 epochs * 4 updates = 8, which is why the steps per epoch are fixed here).
 */
@Training(epochs = 8, stepsPerEpoch = 4)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.05)
@Schedule(type = ScheduleType.TIMM_COSINE, interval = Interval.STEP, lrMin = 1e-5,
    kwargs = {@Kwarg(name = "warmup_t", value = "8"), @Kwarg(name = "warmup_lr_init", value = "1e-5")})
public final class TimmVitOnUpdates {
  @LayerDecay(value = 0.75, layers = LayerIds.VIT_TIMM, scales = LayerScale.SCHEDULED_LR)
  @NoDecay(value = ParamKind.ONE_DIMENSIONAL, names = {"pos_embed", "cls_token", "reg_token", "dist_token"})
  final List<Parameter> vit = VisionTransformerParameters.timm(3);
}
