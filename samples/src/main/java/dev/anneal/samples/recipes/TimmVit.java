package dev.anneal.samples.recipes;

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
 * timm's {@code train.py} fine-tuning a ViT: {@code --opt adamw --lr 1e-3 --weight-decay 0.05
 * --layer-decay 0.75 --sched cosine --epochs 8 --warmup-epochs 2 --warmup-lr 1e-5 --min-lr 1e-5},
 * the scheduler stepped once per epoch (timm's default). {@code param_groups_layer_decay} gives
 * each layer of {@code group_matcher} an {@code lr_scale} that multiplies the scheduler's one value
 * per step, so the warmup's start and the floor scale with the layer ({@code SCHEDULED_LR}); no
 * weight decay for 1-D tensors and {@code no_weight_decay()}'s names.
 */
@Training(epochs = 8)
@Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.05)
@Schedule(type = ScheduleType.TIMM_COSINE, lrMin = 1e-5,
    kwargs = {@Kwarg(name = "warmup_t", value = "2"), @Kwarg(name = "warmup_lr_init", value = "1e-5")})
public final class TimmVit {
  @LayerDecay(value = 0.75, layers = LayerIds.VIT_TIMM, scales = LayerScale.SCHEDULED_LR)
  @NoDecay(value = ParamKind.ONE_DIMENSIONAL, names = {"pos_embed", "cls_token", "reg_token", "dist_token"})
  final List<Parameter> vit = VisionTransformerParameters.timm(3);
}
