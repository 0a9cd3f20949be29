"""Records the detectron2 recipe traces (samples/src/test/resources/conformance/recipes/detectron2.json).

Follows facebookresearch/detectron2 at commit 02b5c4e295e990042a714712c21dc79b731e8833:
  - detectron2/solver/build.py: build_optimizer, get_default_optimizer_params (norm_module_types,
    bias overrides keyed on module_param_name == "bias", applied after the norm override),
    reduce_param_groups, build_lr_scheduler ("WarmupMultiStepLR": MultiStepParamScheduler with
    values GAMMA**k, milestones STEPS <= MAX_ITER, num_updates MAX_ITER, wrapped in
    WarmupParamScheduler(WARMUP_FACTOR, WARMUP_ITERS / MAX_ITER, "linear") and LRMultiplier);
  - detectron2/solver/lr_scheduler.py: WarmupParamScheduler (start_value = warmup_factor * scheduler(0),
    end_value = scheduler(warmup_length), interval_scaling ["rescaled", "fixed"]), LRMultiplier
    (lr = base_lr * multiplier(last_epoch / max_iter), constructed with last_epoch = -1 so the first
    iteration uses multiplier(0));
  - detectron2/engine/hooks.py LRScheduler.after_step: scheduler.step() after every optimizer step;
  - detectron2/config/defaults.py: BIAS_LR_FACTOR 1.0, WEIGHT_DECAY_BIAS None, WEIGHT_DECAY_NORM 0.0,
    WARMUP_FACTOR 1/1000, WARMUP_METHOD "linear", GAMMA 0.1, MOMENTUM 0.9, WEIGHT_DECAY 1e-4;
    configs/Base-RCNN-FPN.yaml: BASE_LR 0.02, STEPS (60000, 80000), MAX_ITER 90000.
and fvcore (facebookresearch/fvcore, fvcore/common/param_scheduler.py at commit
0c9e9e15d0622cae3c00b5a5e60f5d2fe9c02499): MultiStepParamScheduler, LinearParamScheduler,
CompositeParamScheduler (WHERE_EPSILON = 1e-6), written out below.

The schedule is Base-RCNN-FPN's 1x shape shrunk to keep the trace short: MAX_ITER 180, STEPS (120, 160),
WARMUP_ITERS 20. Case "detectron2_default": the defaults (norm layers without weight decay, biases
as weights). Case "detectron2_legacy_bias": Detectron1's BIAS_LR_FACTOR 2.0 and WEIGHT_DECAY_BIAS 0.0.
Plain float64 Python; run with /usr/bin/python3.
"""
import bisect

import trace

REFERENCE = ("facebookresearch/detectron2 detectron2/solver/build.py + detectron2/solver/lr_scheduler.py "
             "@ 02b5c4e295e990042a714712c21dc79b731e8833; fvcore/common/param_scheduler.py @ 0c9e9e15d0622cae3c00b5a5e60f5d2fe9c02499")
WHERE_EPSILON = 1e-6


class MultiStepParamScheduler:
    def __init__(self, values, num_updates, milestones):
        self._param_schedule = values
        self._num_updates = num_updates
        self._milestones = milestones

    def __call__(self, where):
        if where > 1.0:
            raise RuntimeError(where)
        epoch_num = int((where + WHERE_EPSILON) * self._num_updates)
        return self._param_schedule[bisect.bisect_right(self._milestones, epoch_num)]


class LinearParamScheduler:
    def __init__(self, start_value, end_value):
        self._start_value = start_value
        self._end_value = end_value

    def __call__(self, where):
        return self._end_value * where + self._start_value * (1 - where)


class CompositeParamScheduler:
    def __init__(self, schedulers, lengths, interval_scaling):
        if sum(lengths) != 1.0:
            lengths[-1] = 1.0 - sum(lengths[:-1])
        self._lengths = lengths
        self._schedulers = schedulers
        self._interval_scaling = interval_scaling

    def __call__(self, where):
        i = 0
        running_total = self._lengths[i]
        while (where + WHERE_EPSILON) > running_total and i < len(self._schedulers) - 1:
            i += 1
            running_total += self._lengths[i]
        scheduler = self._schedulers[i]
        scheduler_where = where
        if self._interval_scaling[i] == "rescaled":
            scheduler_start = running_total - self._lengths[i]
            scheduler_where = (where - scheduler_start) / self._lengths[i]
        return scheduler(scheduler_where)


def warmup_param_scheduler(scheduler, warmup_factor, warmup_length):
    # WarmupParamScheduler, warmup_method="linear", rescale_interval=False
    end_value = scheduler(warmup_length)
    start_value = warmup_factor * scheduler(0.0)
    warmup = LinearParamScheduler(start_value, end_value)
    return CompositeParamScheduler([warmup, scheduler], interval_scaling=["rescaled", "fixed"],
                                   lengths=[warmup_length, 1 - warmup_length])


# The model's named_parameters(): (name, the module's class, the module's own name of the parameter).
PARAMETERS = [
    ("backbone.bottom_up.res2.0.conv1.weight", "Conv2d", "weight"),
    ("backbone.bottom_up.res2.0.conv1.norm.weight", "BatchNorm2d", "weight"),
    ("backbone.bottom_up.res2.0.conv1.norm.bias", "BatchNorm2d", "bias"),
    ("backbone.fpn_lateral2.weight", "Conv2d", "weight"),
    ("backbone.fpn_lateral2.bias", "Conv2d", "bias"),
    ("roi_heads.box_predictor.cls_score.weight", "Linear", "weight"),
    ("roi_heads.box_predictor.cls_score.bias", "Linear", "bias"),
]
NORM_MODULE_TYPES = ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm", "GroupNorm", "InstanceNorm1d",
                     "InstanceNorm2d", "InstanceNorm3d", "LayerNorm", "LocalResponseNorm")


def optimizer_params(base_lr, weight_decay, weight_decay_norm, bias_lr_factor, weight_decay_bias):
    """get_default_optimizer_params, per parameter: (lr, weight_decay); SGD's weight_decay where the group has none."""
    defaults = {"lr": base_lr}            # build_optimizer passes no weight_decay: SGD's own (cfg WEIGHT_DECAY)
    bias_overrides = {}
    if bias_lr_factor is not None and bias_lr_factor != 1.0:
        bias_overrides["lr"] = base_lr * bias_lr_factor
    if weight_decay_bias is not None:
        bias_overrides["weight_decay"] = weight_decay_bias
    overrides = {"bias": bias_overrides} if bias_overrides else {}
    out = []
    for _, module_type, module_param_name in PARAMETERS:
        hyperparams = dict(defaults)
        if module_type in NORM_MODULE_TYPES and weight_decay_norm is not None:
            hyperparams["weight_decay"] = weight_decay_norm
        hyperparams.update(overrides.get(module_param_name, {}))
        out.append((hyperparams["lr"], hyperparams.get("weight_decay", weight_decay)))
    return out


def record(name, recipe, bias_lr_factor, weight_decay_bias):
    base_lr, momentum, weight_decay, weight_decay_norm = 0.02, 0.9, 1e-4, 0.0
    max_iter, steps, gamma = 180, (120, 160), 0.1
    warmup_factor, warmup_iters = 1.0 / 1000, 20
    per_param = optimizer_params(base_lr, weight_decay, weight_decay_norm, bias_lr_factor, weight_decay_bias)
    kept = [x for x in steps if x <= max_iter]
    sched = MultiStepParamScheduler(values=[gamma ** k for k in range(len(kept) + 1)], milestones=kept, num_updates=max_iter)
    sched = warmup_param_scheduler(sched, warmup_factor, min(warmup_iters / max_iter, 1.0))
    entries = []
    for last_epoch in range(max_iter):   # LRMultiplier.last_epoch during iteration `last_epoch`
        multiplier = sched(last_epoch / max_iter)
        entries.append(trace.step(0, [lr * multiplier for lr, _ in per_param], [wd for _, wd in per_param],
                                  [False] * len(PARAMETERS), momentum=[momentum] * len(PARAMETERS)))
    return trace.case(name, recipe, REFERENCE, 1, max_iter, [p[0] for p in PARAMETERS], entries)


if __name__ == "__main__":
    trace.write("detectron2.json", [
        record("detectron2_default", "Detectron2", None, None),
        record("detectron2_legacy_bias", "Detectron2LegacyBias", 2.0, 0.0),
    ])
