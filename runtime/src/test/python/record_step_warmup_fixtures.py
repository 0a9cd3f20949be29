#!/usr/bin/python3
"""Records the lr of every optimizer step of training loops whose warmup is counted in iterations
while their schedule steps once per epoch.

Run with Debian's PyTorch (torch 1.13):  /usr/bin/python3 runtime/src/test/python/record_step_warmup_fixtures.py
Writes runtime/src/test/resources/conformance/plans/step_warmup.json. Every value is PyTorch's own
float64 arithmetic; PyTorch 1.13 and 2.x agree on LambdaLR and MultiStepLR.

Cases (a JSON array of objects):
  name             case name
  epochs           epochs of the loop
  steps_per_epoch  optimizer steps (batches) per epoch
  optimizer, optimizer_kwargs, initial_lrs   the optimizer, one group per initial lr
  warmup           the Anneal spec of the warmup counted in optimizer steps ({"type": "LinearWarmup", ...})
  schedule         the Anneal spec of the schedule stepped once per epoch
  lrs              [step][group]: the lr each optimizer step used

The loops:
  * yolov3_spp: the seed's recipe (YOLOv3-SPP train.py / train_utils): the cosine
    lf(x) = ((1 + cos(x * pi / epochs)) / 2) * (1 - lrf) + lrf as a LambdaLR stepped after every
    epoch, and in epoch 0 only a second LambdaLR with warmup_factor * (1 - alpha) + alpha,
    alpha = x / warmup_iters (1 from warmup_iters on), stepped after every batch. Its Anneal spec is
    CosineAnnealingLR(T_max=epochs, eta_min=lr * lrf): the same function of the epoch for one group.
  * mmdet_step: mmdetection's "linear warmup over warmup_iters iterations, ratio r, then step decay
    at epochs": the lr of an iteration is the epoch schedule's (MultiStepLR stepped per epoch) times
    1 - (1 - k / warmup_iters) * (1 - r) while k < warmup_iters (mmcv's LrUpdaterHook), which may
    reach past the first epoch.
"""
import json
import math
import os

import torch
from torch.optim import lr_scheduler as S

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "plans")


def sgd(initial_lrs, momentum):
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in initial_lrs]
    return torch.optim.SGD([{"params": [p], "lr": lr} for p, lr in zip(params, initial_lrs)], momentum=momentum)


def yolov3_spp(name, epochs, steps_per_epoch, lr, lrf, warmup_iters, warmup_factor):
    optimizer = sgd([lr], 0.937)
    lf = lambda x: ((1 + math.cos(x * math.pi / epochs)) / 2) * (1 - lrf) + lrf
    scheduler = S.LambdaLR(optimizer, lr_lambda=lf)
    lrs = []
    for epoch in range(epochs):
        warmup = None
        if epoch == 0:
            def f(x):
                if x >= warmup_iters:
                    return 1
                alpha = float(x) / warmup_iters
                return warmup_factor * (1 - alpha) + alpha
            warmup = S.LambdaLR(optimizer, lr_lambda=f)
        for _ in range(steps_per_epoch):
            lrs.append([g["lr"] for g in optimizer.param_groups])
            optimizer.step()
            if warmup is not None:
                warmup.step()
        scheduler.step()
    return {"name": name, "epochs": epochs, "steps_per_epoch": steps_per_epoch,
            "optimizer": "SGD", "optimizer_kwargs": {"momentum": 0.937}, "initial_lrs": [lr],
            "warmup": {"type": "LinearWarmup", "warmup_steps": warmup_iters, "warmup_factor": warmup_factor},
            "schedule": {"type": "CosineAnnealingLR", "T_max": epochs, "eta_min": lr * lrf},
            "lrs": lrs}


def mmdet_step(name, epochs, steps_per_epoch, initial_lrs, milestones, gamma, warmup_iters, ratio):
    optimizer = sgd(initial_lrs, 0.9)
    scheduler = S.MultiStepLR(optimizer, milestones=milestones, gamma=gamma)
    lrs = []
    k = 0
    for epoch in range(epochs):
        regular = [g["lr"] for g in optimizer.param_groups]
        for _ in range(steps_per_epoch):
            factor = 1 - (1 - k / warmup_iters) * (1 - ratio) if k < warmup_iters else 1.0
            for g, r in zip(optimizer.param_groups, regular):
                g["lr"] = r * factor
            lrs.append([g["lr"] for g in optimizer.param_groups])
            optimizer.step()
            k += 1
        for g, r in zip(optimizer.param_groups, regular):
            g["lr"] = r
        scheduler.step()
    return {"name": name, "epochs": epochs, "steps_per_epoch": steps_per_epoch,
            "optimizer": "SGD", "optimizer_kwargs": {"momentum": 0.9}, "initial_lrs": initial_lrs,
            "warmup": {"type": "LinearWarmup", "warmup_steps": warmup_iters, "warmup_factor": ratio},
            "schedule": {"type": "MultiStepLR", "milestones": milestones, "gamma": gamma},
            "lrs": lrs}


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = [
        yolov3_spp("yolov3_spp_warmup_in_first_epoch", epochs=5, steps_per_epoch=8, lr=0.01, lrf=0.01,
                   warmup_iters=7, warmup_factor=1.0 / 1000),
        mmdet_step("mmdet_warmup_iters_then_step_decay", epochs=6, steps_per_epoch=4, initial_lrs=[0.02, 0.002],
                   milestones=[3, 5], gamma=0.1, warmup_iters=10, ratio=0.001),
    ]
    path = os.path.join(OUT, "step_warmup.json")
    with open(path, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(path), len(cases), "cases")


if __name__ == "__main__":
    main()
