package dev.anneal.samples.recipes;

import dev.anneal.annotations.Interval;
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
import dev.anneal.annotations.Warmup;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * MAE's {@code main_finetune.py}: {@code --blr 5e-4 --layer_decay 0.65 --weight_decay 0.05
 * --min_lr 1e-6 --epochs 8 --warmup_epochs 2} at an effective batch of 1024, so
 * {@code lr = 5e-4 * 1024 / 256 = 0.002}. {@code adjust_learning_rate} runs every iteration on the
 * fractional epoch: a linear warmup from 0, then a half-cycle cosine to {@code min_lr}; the one lr
 * it computes is multiplied by each group's {@code lr_scale} from {@code param_groups_lrd}
 * ({@code get_layer_id_for_vit}), so the floor scales with the layer ({@code SCHEDULED_LR}). No
 * weight decay for 1-D tensors and {@code no_weight_decay()}'s names.
 */
@Training(epochs = 8)
@Optimizer(type = OptimizerType.ADAMW, lr = 0.002, weightDecay = 0.05)
@Warmup(epochs = 2, startFactor = 0)
@Schedule(type = ScheduleType.COSINE, interval = Interval.STEP, etaMin = 1e-6)
public final class MaeFinetune {
  @LayerDecay(value = 0.65, layers = LayerIds.VIT_BEIT, scales = LayerScale.SCHEDULED_LR)
  @NoDecay(value = ParamKind.ONE_DIMENSIONAL, names = {"pos_embed", "cls_token", "dist_token"})
  final List<Parameter> vit = VisionTransformerParameters.maeGlobalPool(3);
}
