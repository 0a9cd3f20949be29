"""YOLOv5 train.py: smart_optimizer's three SGD groups, the per-batch warmup (np.interp of lr from
warmup_bias_lr for the biases and from 0 for the other groups up to initial_lr * lf(epoch), and of momentum from
warmup_momentum up to momentum), then LambdaLR stepped after each epoch.

Follows ultralytics/yolov5 at commit 5081342f04fb287fc2e5f2b5a4e06752b7937b1c:
  train.py                   nbs, accumulate, weight_decay scaling, lf (linear, or one_cycle with --cos-lr),
                             LambdaLR, nw = max(round(warmup_epochs * nb), 100), scheduler.last_epoch = start_epoch - 1,
                             the warmup block, the optimizer step when ni - last_opt_step >= accumulate, scheduler.step()
  utils/torch_utils.py       smart_optimizer (SGD, nesterov=True; group 0 biases, group 1 weights with decay,
                             group 2 normalization weights); ModelEMA (decay 0.9999, tau 2000: a deepcopy of the
                             model when train.py builds it, before the first step; update(): updates += 1,
                             d = decay * (1 - exp(-updates / tau)), v = d * v + (1 - d) * model_v for every
                             floating-point state-dict entry), called by train.py right after each optimizer step
                             (scaler.step; optimizer.zero_grad; ema.update(model)); smart_resume restores
                             ema.updates = ckpt["updates"] with the EMA's weights
  utils/general.py           one_cycle
  data/hyps/hyp.scratch-low.yaml  lr0 0.01, lrf 0.01, momentum 0.937, weight_decay 0.0005, warmup_epochs 3.0,
                             warmup_momentum 0.8, warmup_bias_lr 0.1
Runs PyTorch's own SGD and LambdaLR (torch at /usr/bin/python3, the model in float64) and numpy's interp, as train.py
does, and ModelEMA as written there. The gradients are small deterministic multiples of 1/128 (the loss is not what
this trace checks; their norm stays far below clip_grad_norm_'s max_norm 10, so the clipping train.py applies before
each step changes nothing), the starting weights multiples of 1/8; both are exact in float32. The trace's `ema` holds
the EMA of the parameters (the BatchNorm buffers are averaged too but never change here: there is no forward pass)
after each step, to 9 significant digits (as many as a float32 needs).
batch_size = nbs = 64, so accumulate is 1 throughout (also inside the warmup, where it is interpolated from 1 to
nbs / batch_size = 1) and weight_decay is scaled by 64 * 1 / 64 = 1. Two runs: the linear lf over 8 epochs of 20 batches and
--cos-lr over 12 epochs of 10 batches; both warm up for max(round(3.0 * nb), 100) = 100 iterations, which end at the
first batch of epoch 5 and of epoch 10. Note that train.py resets the LambdaLR's last_epoch to -1 after building it
while the warmup aims at initial_lr * lf(epoch): from the epoch after the warmup's last one, epoch e runs at
lf(e - 1).
"""
import math
from copy import deepcopy

import numpy as np
import torch
from torch import nn
from torch.optim import lr_scheduler

from trace import case, step, write

REFERENCE = ("ultralytics/yolov5@5081342f04fb287fc2e5f2b5a4e06752b7937b1c "
             "train.py, utils/torch_utils.py (smart_optimizer, ModelEMA), utils/general.py (one_cycle)")


class Conv(nn.Module):
    def __init__(self, c1, c2):
        super().__init__()
        self.conv = nn.Conv2d(c1, c2, 1, bias=False)
        self.bn = nn.BatchNorm2d(c2)


class Detect(nn.Module):
    def __init__(self, c1, c2):
        super().__init__()
        self.m = nn.ModuleList([nn.Conv2d(c1, c2, 1)])


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(Conv(1, 2), Conv(2, 1), Detect(1, 2))


def smart_optimizer(model, name="Adam", lr=0.001, momentum=0.9, decay=1e-5):
    g = [], [], []  # optimizer parameter groups
    bn = tuple(v for k, v in nn.__dict__.items() if "Norm" in k)  # normalization layers, i.e. BatchNorm2d()
    for v in model.modules():
        for p_name, p in v.named_parameters(recurse=0):
            if p_name == "bias":  # bias (no decay)
                g[2].append(p)
            elif p_name == "weight" and isinstance(v, bn):  # weight (no decay)
                g[1].append(p)
            else:
                g[0].append(p)  # weight (with decay)
    assert name == "SGD"
    optimizer = torch.optim.SGD(g[2], lr=lr, momentum=momentum, nesterov=True)
    optimizer.add_param_group({"params": g[0], "weight_decay": decay})  # add g0 with weight_decay
    optimizer.add_param_group({"params": g[1], "weight_decay": 0.0})  # add g1 (BatchNorm2d weights)
    return optimizer


class ModelEMA:
    """utils/torch_utils.py's ModelEMA, without de_parallel and update_attr (the model is not parallel here)."""

    def __init__(self, model, decay=0.9999, tau=2000, updates=0):
        self.ema = deepcopy(model).eval()  # FP32 EMA (float64 here)
        self.updates = updates  # number of EMA updates
        self.decay = lambda x: decay * (1 - math.exp(-x / tau))  # decay exponential ramp (to help early epochs)
        for p in self.ema.parameters():
            p.requires_grad_(False)

    def update(self, model):
        self.updates += 1
        d = self.decay(self.updates)

        msd = model.state_dict()  # model state_dict
        for k, v in self.ema.state_dict().items():
            if v.dtype.is_floating_point:  # true for FP16 and FP32
                v *= d
                v += (1 - d) * msd[k].detach()


def initial_values(parameters):
    """Starting weights: multiples of 1/8 in [-0.5, 0.625], parameter i's element k."""
    return [[((3 * i + 5 * k) % 10 - 4) / 8 for k in range(p.numel())] for i, p in enumerate(parameters)]


def gradient(ni, i, k):
    """Micro-batch ni's gradient of parameter i's element k: a multiple of 1/128 in [-4/128, 4/128]."""
    return ((7 * ni + 3 * i + 5 * k) % 9 - 4) / 128


def one_cycle(y1=0.0, y2=1.0, steps=100):
    return lambda x: ((1 - math.cos(x * math.pi / steps)) / 2) * (y2 - y1) + y1


def run(name, recipe, cos_lr, epochs, nb):
    torch.manual_seed(0)
    hyp = {"lr0": 0.01, "lrf": 0.01, "momentum": 0.937, "weight_decay": 0.0005, "warmup_epochs": 3.0,
           "warmup_momentum": 0.8, "warmup_bias_lr": 0.1}
    model = Model().double()
    names = {p: n for n, p in model.named_parameters()}
    initial = initial_values(list(model.parameters()))
    with torch.no_grad():
        for p, values in zip(model.parameters(), initial):
            p.copy_(torch.tensor(values, dtype=torch.float64).view_as(p))
    batch_size = 64
    nbs = 64  # nominal batch size
    accumulate = max(round(nbs / batch_size), 1)  # accumulate loss before optimizing
    hyp["weight_decay"] *= batch_size * accumulate / nbs  # scale weight_decay
    optimizer = smart_optimizer(model, "SGD", hyp["lr0"], hyp["momentum"], hyp["weight_decay"])
    if cos_lr:
        lf = one_cycle(1, hyp["lrf"], epochs)  # cosine 1->hyp['lrf']
    else:
        def lf(x):
            return (1 - x / epochs) * (1.0 - hyp["lrf"]) + hyp["lrf"]  # linear
    scheduler = lr_scheduler.LambdaLR(optimizer, lr_lambda=lf)
    start_epoch = 0
    nw = max(round(hyp["warmup_epochs"] * nb), 100)  # number of warmup iterations, max(3 epochs, 100 iterations)
    last_opt_step = -1
    scheduler.last_epoch = start_epoch - 1  # do not move
    ema = ModelEMA(model)  # train.py builds it after the optimizer and scheduler, before the first step
    parameters = [n for n, _ in model.named_parameters()]
    trace = []
    grads = []
    averaged = []
    for epoch in range(start_epoch, epochs):
        optimizer.zero_grad()
        for i in range(nb):
            ni = i + nb * epoch  # number integrated batches (since train start)
            if ni <= nw:
                xi = [0, nw]  # x interp
                accumulate = max(1, np.interp(ni, xi, [1, nbs / batch_size]).round())
                for j, x in enumerate(optimizer.param_groups):
                    x["lr"] = np.interp(ni, xi, [hyp["warmup_bias_lr"] if j == 0 else 0.0, x["initial_lr"] * lf(epoch)])
                    if "momentum" in x:
                        x["momentum"] = np.interp(ni, xi, [hyp["warmup_momentum"], hyp["momentum"]])
            batch_grads = []
            for i, p in enumerate(model.parameters()):  # the loss is not what this trace checks
                g = [gradient(ni, i, k) for k in range(p.numel())]
                batch_grads.append(g)
                p.grad = torch.tensor(g, dtype=torch.float64).view_as(p)
            grads.append(batch_grads)
            if ni - last_opt_step >= accumulate:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)  # clip gradients
                by_name = {}
                for x in optimizer.param_groups:
                    for p in x["params"]:
                        by_name[names[p]] = x
                trace.append(step(epoch, [float(by_name[n]["lr"]) for n in parameters],
                                  [float(by_name[n]["weight_decay"]) for n in parameters], [False] * len(parameters),
                                  momentum=[float(by_name[n]["momentum"]) for n in parameters]))
                optimizer.step()
                optimizer.zero_grad()
                ema.update(model)
                averaged.append([[float(f"{v:.9g}") for v in q.detach().flatten().tolist()] for q in ema.ema.parameters()])
                last_opt_step = ni
        scheduler.step()
    return case(name, recipe, REFERENCE, epochs, nb, parameters, trace, initial=initial, grads=grads, ema=averaged)


write("yolov5.json", [run("linear_lr", "YoloV5", False, 8, 20), run("cos_lr", "YoloV5Cos", True, 12, 10)])
