"""timm train.py fine-tuning a ViT: AdamW over param_groups_layer_decay, CosineLRScheduler with warmup.

Follows huggingface/pytorch-image-models at commit aa4b5850c1543fa488abf260f18390eda46cf85d:
  timm/optim/_param_groups.py   param_groups_layer_decay (layer_scales, no decay for ndim <= 1 and no_weight_decay())
  timm/models/_manipulate.py    group_with_matcher (the layer ids, reverse=True)
  timm/models/vision_transformer.py  VisionTransformer.group_matcher and no_weight_decay
  timm/scheduler/scheduler.py   Scheduler.update_groups (value * param_group['lr_scale'])
  timm/scheduler/cosine_lr.py   CosineLRScheduler._get_lr
  timm/scheduler/scheduler_factory.py  create_scheduler_v2 (t_initial, warmup_t in updates when sched_on_updates)
  train.py                      lr_scheduler.step(epoch + 1) after each epoch, or step_update(num_updates) after each update
Command line emulated: --opt adamw --lr 1e-3 --weight-decay 0.05 --layer-decay 0.75 --sched cosine --epochs 8
--warmup-epochs 2 --warmup-lr 1e-5 --min-lr 1e-5 (timm's other defaults: cycle_limit 1, no noise, k_decay 1,
warmup_prefix False, --lr-cycle-decay 0.5, --lr-cycle-limit 1), once as timm's default (stepped per epoch) and once with --sched-on-updates.
The layer decay multiplies the scheduler's ONE value per step, so warmup_lr_init and lr_min scale with each layer.
"""
import math
import re
from collections import defaultdict
from itertools import chain

from trace import case, step, write

REFERENCE = ("huggingface/pytorch-image-models@aa4b5850c1543fa488abf260f18390eda46cf85d "
             "train.py, timm/optim/_param_groups.py, timm/scheduler/cosine_lr.py, timm/scheduler/scheduler.py")

# named_parameters() of a tiny timm VisionTransformer (depth 3), in order, with shapes
PARAMS = [
    ("cls_token", (1, 1, 2)), ("pos_embed", (1, 2, 2)),
    ("patch_embed.proj.weight", (2, 1, 1, 1)), ("patch_embed.proj.bias", (2,)),
]
for i in range(3):
    PARAMS += [(f"blocks.{i}.norm1.weight", (2,)), (f"blocks.{i}.attn.qkv.weight", (2, 2)),
               (f"blocks.{i}.attn.qkv.bias", (2,)), (f"blocks.{i}.mlp.fc1.weight", (2, 2))]
PARAMS += [("norm.weight", (2,)), ("norm.bias", (2,)), ("head.weight", (2, 2)), ("head.bias", (2,))]

MATCH_PREV_GROUP = (99999,)


def group_matcher():  # VisionTransformer.group_matcher(coarse=False)
    return dict(stem=r'^cls_token|reg_token|pos_embed|patch_embed',
                blocks=[(r'^blocks\.(\d+)', None), (r'^norm', (99999,))])


def layer_map(names):  # group_with_matcher(named_objects, group_matcher, reverse=True)
    compiled = []
    for group_ordinal, (group_name, mspec) in enumerate(group_matcher().items()):
        if isinstance(mspec, (tuple, list)):
            for sspec in mspec:
                compiled += [(re.compile(sspec[0]), (group_ordinal,), sspec[1])]
        else:
            compiled += [(re.compile(mspec), (group_ordinal,), None)]

    def _get_grouping(name):
        for match_fn, prefix, suffix in compiled:
            r = match_fn.match(name)
            if r:
                parts = (prefix, r.groups(), suffix)
                return tuple(map(float, chain.from_iterable(filter(None, parts))))
        return float('inf'),

    grouping = defaultdict(list)
    for k in names:
        grouping[_get_grouping(k)].append(k)
    layer_id_to_param = defaultdict(list)
    lid = -1
    for k in sorted(filter(lambda x: x is not None, grouping.keys())):
        if lid < 0 or k[-1] != MATCH_PREV_GROUP[0]:
            lid += 1
        layer_id_to_param[lid].extend(grouping[k])
    return {n: lid for lid, lm in layer_id_to_param.items() for n in lm}


def param_groups_layer_decay(weight_decay, no_weight_decay_list, layer_decay):
    lm = layer_map([n for n, _ in PARAMS])
    num_layers = max(lm.values()) + 1
    layer_max = num_layers - 1
    layer_scales = list(max(0., layer_decay ** (layer_max - i)) for i in range(num_layers))
    groups = {}
    for name, shape in PARAMS:
        if len(shape) <= 1 or name in no_weight_decay_list:  # fnmatch of plain names is equality here
            g_decay, this_decay = "no_decay", 0.
        else:
            g_decay, this_decay = "decay", weight_decay
        layer_id = lm.get(name, layer_max)
        group_name = "layer_%d_%s" % (layer_id, g_decay)
        if group_name not in groups:
            groups[group_name] = {"lr_scale": layer_scales[layer_id], "weight_decay": this_decay, "params": []}
        groups[group_name]["params"].append(name)
    return list(groups.values())


class CosineLRScheduler:
    def __init__(self, groups, t_initial, lr_min, warmup_t, warmup_lr_init, cycle_mul=1., cycle_decay=0.1,
                 cycle_limit=1, k_decay=1.0, t_in_epochs=True):
        self.groups = groups
        for g in groups:
            g.setdefault("initial_lr", g["lr"])
        self.base_values = [g["initial_lr"] for g in groups]
        self.t_in_epochs = t_in_epochs
        self.update_groups(self.base_values)
        self.t_initial, self.lr_min = t_initial, lr_min
        self.cycle_mul, self.cycle_decay, self.cycle_limit = cycle_mul, cycle_decay, cycle_limit
        self.warmup_t, self.warmup_lr_init, self.warmup_prefix, self.k_decay = warmup_t, warmup_lr_init, False, k_decay
        if self.warmup_t:
            self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in self.base_values]
            self.update_groups(self.warmup_lr_init)
        else:
            self.warmup_steps = [1 for _ in self.base_values]

    def _get_lr(self, t):
        if t < self.warmup_t:
            return [self.warmup_lr_init + t * s for s in self.warmup_steps]
        if self.warmup_prefix:
            t = t - self.warmup_t
        i = t // self.t_initial
        t_i = self.t_initial
        t_curr = t - (self.t_initial * i)
        gamma = self.cycle_decay ** i
        lr_max_values = [v * gamma for v in self.base_values]
        k = self.k_decay
        if i < self.cycle_limit:
            return [self.lr_min + 0.5 * (lr_max - self.lr_min) * (1 + math.cos(math.pi * t_curr ** k / t_i ** k))
                    for lr_max in lr_max_values]
        return [self.lr_min for _ in self.base_values]

    def step(self, epoch):
        if self.t_in_epochs:
            self.update_groups(self._get_lr(epoch))

    def step_update(self, num_updates):
        if not self.t_in_epochs:
            self.update_groups(self._get_lr(num_updates))

    def update_groups(self, values):
        if not isinstance(values, (list, tuple)):
            values = [values] * len(self.groups)
        for param_group, value in zip(self.groups, values):
            if 'lr_scale' in param_group:
                param_group['lr'] = value * param_group['lr_scale']
            else:
                param_group['lr'] = value


def run(name, recipe, epochs, batches, sched_on_updates):
    lr, weight_decay, layer_decay = 1e-3, 0.05, 0.75
    warmup_epochs, warmup_lr, min_lr = 2, 1e-5, 1e-5
    groups = param_groups_layer_decay(weight_decay, {'pos_embed', 'cls_token', 'reg_token', 'dist_token'}, layer_decay)
    for g in groups:  # torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.999)) fills each group's defaults
        g.setdefault("lr", lr)
        g.setdefault("betas", (0.9, 0.999))
    updates_per_epoch = batches
    t_initial, warmup_t = epochs, warmup_epochs
    if sched_on_updates:
        t_initial, warmup_t = t_initial * updates_per_epoch, warmup_t * updates_per_epoch
    sched = CosineLRScheduler(groups, t_initial=t_initial, lr_min=min_lr, warmup_t=warmup_t, warmup_lr_init=warmup_lr,
                              cycle_mul=1., cycle_decay=0.5, cycle_limit=1, k_decay=1.0,
                              t_in_epochs=not sched_on_updates)
    group_of = {p: g for g in groups for p in g["params"]}
    names = [n for n, _ in PARAMS]
    trace = []
    num_updates = 0
    for epoch in range(epochs):
        for _ in range(batches):  # grad_accum_steps 1: every batch is an update
            trace.append(step(epoch, [group_of[n]["lr"] for n in names],
                              [group_of[n]["weight_decay"] for n in names], [False] * len(names),
                              beta1=[group_of[n]["betas"][0] for n in names]))
            num_updates += 1
            sched.step_update(num_updates=num_updates)
        sched.step(epoch + 1)
    return case(name, recipe, REFERENCE, epochs, batches, names, trace)


write("timm.json", [run("per_epoch", "TimmVit", 8, 4, False), run("per_update", "TimmVitOnUpdates", 8, 4, True)])
