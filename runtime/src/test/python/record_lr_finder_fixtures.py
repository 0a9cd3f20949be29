#!/usr/bin/python3
"""Records the lr finder fixtures: sweep lrs, loss smoothing, early stop and suggestions.

Run with Debian's PyTorch (torch 1.13):  /usr/bin/python3 runtime/src/test/python/record_lr_finder_fixtures.py
Writes runtime/src/test/resources/conformance/lrfind/lr_finder.json, replayed by LrFinderConformanceTest.

Neither fastai nor Lightning is installed here, so their code paths are emulated in float64 (both
libraries work in float32 tensors; the cases keep their minima well apart so float32 and float64
pick the same index):
  * lrs: fastai's LRFinder, SchedExp(start, end)(pos) = start * (end/start) ** pos and
    SchedLin(start, end)(pos) = start + pos * (end - start), pos = train_iter / num_it;
  * smoothing: fastai's AvgSmoothLoss, val = torch.lerp(loss, val, beta), value = val / (1 - beta**count);
  * early stop: fastai's LRFinder.after_batch, best = min(best, smooth); stop once smooth > 4 * best
    (the point that stops it is recorded);
  * steepest: Lightning's _LRFinder.suggestion(skip_begin=10, skip_end=1), computed with torch.gradient
    itself (float64 tensors here);
  * valley and minimum: fastai's functions of fastai/callback/schedule.py (2.7), on fastai's window
    lrs[num_it // 10 : -5], cut at the first NaN.
Raw losses are a fixed function of the lr plus noise from a seeded numpy-free generator (random.Random).
"""
import json
import math
import os
import random

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "lrfind")


def sweep_lr(mode, start, end, k, n):
    pos = k / n
    return start * (end / start) ** pos if mode == "exponential" else start + pos * (end - start)


def raw_loss(curve, lr, rng):
    x = math.log10(lr)
    if curve == "bowl":        # falls from 2.3, bottoms out near lr 1e-2, explodes after 1
        base = 2.3 - 1.8 / (1 + math.exp(-(x + 3.5) * 2)) + (math.exp(2.5 * (x + 0.5)) if x > -0.5 else 0)
    elif curve == "slide":     # falls steadily, never diverges
        base = 1.0 + 1.5 / (1 + math.exp((x + 1.5) * 4))
    else:                      # "cliff": flat, then a drop, then a sharp blow-up
        base = 1.5 - (0.9 if x > -3 else 0.0) + (50.0 if x > -1 else 0.0)
    return base * (1 + 0.02 * (rng.random() - 0.5))


def valley(lrs, losses):
    n = len(losses)
    max_start, max_end = 0, 0
    lds = [1] * n
    for i in range(1, n):
        for j in range(0, i):
            if (losses[i] < losses[j]) and (lds[i] < lds[j] + 1):
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end = i
                max_start = max_end - lds[max_end]
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections / 2)
    return idx


def minimum(lrs, losses):
    lr_min = lrs[min(range(len(losses)), key=lambda i: (losses[i], i))]
    return lr_min / 10


def steepest(lrs, losses):
    idx = list(range(len(losses)))[10:-1]
    kept = [i for i in idx if math.isfinite(losses[i])]
    if len(kept) < 2:
        return None
    l = torch.tensor([losses[i] for i in kept], dtype=torch.float64)
    x = torch.tensor([lrs[i] for i in kept], dtype=torch.float64)
    g = torch.gradient(l, spacing=[x])[0]
    return kept[int(torch.argmin(g).item())]


def case(name, curve, mode, start, end, num_it, beta=0.98, threshold=4.0, seed=1):
    rng = random.Random(seed)
    lrs, raw, smooth = [], [], []
    val, best, stopped = 0.0, float("inf"), False
    for k in range(num_it):
        lr = sweep_lr(mode, start, end, k, num_it)
        loss = raw_loss(curve, lr, rng)
        val = loss + beta * (val - loss)          # torch.lerp(loss, val, beta)
        s = val / (1 - beta ** (k + 1))
        lrs.append(lr); raw.append(loss); smooth.append(s)
        best = min(best, s)
        if s > threshold * best:
            stopped = True
            break
    out = {"name": name, "mode": mode, "start_lr": start, "end_lr": end, "num_it": num_it, "beta": beta,
           "threshold": threshold, "raw_losses": raw, "lrs": lrs, "losses": smooth, "stopped_early": stopped}
    s_idx = steepest(lrs, smooth)
    out["steepest_index"] = s_idx
    w_lrs, w_losses = lrs[num_it // 10:-5], smooth[num_it // 10:-5]
    if w_losses:
        out["valley_index"] = num_it // 10 + valley(w_lrs, w_losses)
        out["minimum_lr"] = minimum(w_lrs, w_losses)
    return out


def main():
    cases = [
        case("bowl_exponential", "bowl", "exponential", 1e-7, 100.0, 100),
        case("bowl_exponential_no_stop", "bowl", "exponential", 1e-7, 10.0, 100, threshold=float("inf"), seed=2),
        case("slide_linear", "slide", "linear", 1e-3, 0.05, 60, seed=3),
        case("cliff_exponential_beta_09", "cliff", "exponential", 1e-5, 1.0, 80, beta=0.9, seed=4),
    ]
    for c in cases:
        if c["threshold"] == float("inf"):
            c["threshold"] = None
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "lr_finder.json"), "w") as f:
        json.dump({"kind": "lr_finder", "torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
