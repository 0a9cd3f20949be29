#!/usr/bin/python3
"""Records the weight-averaging fixtures from torch.optim.swa_utils and timm's ModelEmaV3.

Run with Debian's PyTorch (torch 1.13):  /usr/bin/python3 runtime/src/test/python/record_swa_fixtures.py
Writes runtime/src/test/resources/conformance/swa/averaged_model.json, replayed by AveragedModelConformanceTest.
(SWALR's traces are scheduler fixtures: record_scheduler_fixtures.py, file swalr.json.)

Each case: a model (named float32 parameters, and buffers), its values at construction, then per update
the values the model holds and the averaged values after the update. Where PyTorch 2.x differs from 1.13:
  * SWA: AveragedModel(model) is 1.13's own; on CPU 2.x uses the same get_swa_avg_fn formula
    averaged + (current - averaged) / (n_averaged + 1);
  * EMA: 2.x's get_ema_multi_avg_fn(decay) is torch._foreach_lerp_(ema, current, 1 - decay); 1.13 has no
    multi_avg_fn, so its avg_fn runs torch.lerp(ema, current, 1 - decay), the same lerp per tensor;
  * use_buffers=False: 2.x copies the model's buffers into the averaged copy at every update, 1.13 does
    not; emulated by copying them after each 1.13 update;
  * timm ModelEmaV3 (timm is not installed here): its get_decay and apply_update_ (lerp of every floating
    state_dict entry with weight 1 - decay) written out below, on a deepcopy made at construction.
All arithmetic is torch's float32.
"""
import copy
import json
import math
import os

import torch
from torch.optim.swa_utils import AveragedModel

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "swa")


class Net(torch.nn.Module):
    def __init__(self, with_buffer):
        super().__init__()
        self.w = torch.nn.Parameter(torch.zeros(2, 2))
        self.b = torch.nn.Parameter(torch.zeros(3))
        if with_buffer:
            self.register_buffer("stat", torch.zeros(2))


def values(gen, shape):
    return (torch.randn(shape, generator=gen) * 2).to(torch.float32)


def assign(net, snapshot):
    with torch.no_grad():
        for name, tensor in list(net.named_parameters()) + list(net.named_buffers()):
            tensor.copy_(torch.tensor(snapshot[name]).reshape(tensor.shape))


def flat(net_module):
    out = {}
    for name, tensor in list(net_module.named_parameters()) + list(net_module.named_buffers()):
        if name == "n_averaged":
            continue
        out[name.replace("module.", "", 1)] = tensor.detach().reshape(-1).tolist()
    return out


def snapshots(seed, n, with_buffer):
    gen = torch.Generator().manual_seed(seed)
    result = []
    for _ in range(n + 1):
        s = {"w": values(gen, (2, 2)).reshape(-1).tolist(), "b": values(gen, (3,)).tolist()}
        if with_buffer:
            s["stat"] = values(gen, (2,)).tolist()
        result.append(s)
    return result


def torch_case(name, kind, decay=None, use_buffers=False, with_buffer=False, seed=0, n=6):
    shots = snapshots(seed, n, with_buffer)
    net = Net(with_buffer)
    assign(net, shots[0])
    if kind == "swa":
        avg = AveragedModel(net, use_buffers=use_buffers)
    else:
        avg = AveragedModel(net, avg_fn=lambda e, c, _: torch.lerp(e, c, 1 - decay), use_buffers=use_buffers)
    updates = []
    for k in range(1, n + 1):
        assign(net, shots[k])
        avg.update_parameters(net)
        if not use_buffers:
            with torch.no_grad():
                for b_avg, b_model in zip(avg.module.buffers(), net.buffers()):
                    b_avg.copy_(b_model)
        updates.append({"step": k, "model": shots[k], "averaged": flat(avg.module)})
    return {"name": name, "kind": kind, "decay": decay, "use_buffers": use_buffers, "initial": shots[0],
            "buffers": ["stat"] if with_buffer else [], "updates": updates}


def timm_get_decay(step, decay, min_decay, update_after_step, use_warmup, gamma, power):
    step = max(0, step - update_after_step - 1)
    if step <= 0:
        return 0.0
    if use_warmup:
        d = 1 - (1 + step / gamma) ** -power
        return max(min(d, decay), min_decay)
    return decay


def timm_case(name, decay, min_decay, update_after_step, use_warmup, gamma, power, seed, n=8):
    shots = snapshots(seed, n, True)
    net = Net(True)
    assign(net, shots[0])
    ema = copy.deepcopy(net)
    updates = []
    for k in range(1, n + 1):
        assign(net, shots[k])
        d = timm_get_decay(k, decay, min_decay, update_after_step, use_warmup, gamma, power)
        with torch.no_grad():
            for e, m in zip(ema.state_dict().values(), net.state_dict().values()):
                e.lerp_(m, weight=1. - d)
        updates.append({"step": k, "model": shots[k], "averaged": flat(ema), "decay_used": d})
    return {"name": name, "kind": "ema_v3", "decay": decay, "min_decay": min_decay, "update_after_step": update_after_step,
            "use_warmup": use_warmup, "warmup_gamma": gamma, "warmup_power": power, "use_buffers": True,
            "initial": shots[0], "buffers": ["stat"], "updates": updates}


def main():
    cases = [
        torch_case("swa_equal_average", "swa", seed=1),
        torch_case("swa_buffers_copied", "swa", with_buffer=True, seed=2),
        torch_case("swa_buffers_averaged", "swa", use_buffers=True, with_buffer=True, seed=3),
        torch_case("ema_decay_0.9", "ema", decay=0.9, seed=4),
        torch_case("ema_decay_0.3_large_weight", "ema", decay=0.3, use_buffers=True, with_buffer=True, seed=5),
        timm_case("timm_v3_warmup", 0.999, 0.0, 2, True, 1.0, 0.75, seed=6),
        timm_case("timm_v3_fixed_min_decay", 0.8, 0.0, 0, False, 1.0, 2 / 3, seed=7),
        timm_case("timm_v3_warmup_min_decay", 0.99, 0.4, 0, True, 2.0, 2 / 3, seed=8),
    ]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "averaged_model.json"), "w") as f:
        json.dump({"kind": "averaged_model", "torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
