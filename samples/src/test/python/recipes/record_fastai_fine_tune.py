"""fastai's Learner.fine_tune, emulated in float64 with fastai's float32 phase arithmetic.

Follows fastai/fastai:
  fastai/callback/schedule.py @ 0a049e8a90b86d70860f68072698245a1ee787ca
      (sched_cos, combine_scheds, combined_cos, ParamScheduler.before_batch, fit_one_cycle, fine_tune)
  fastai/optimizer.py @ 0a20fa1b1c221cb7665d07f6362bfbfa3ffaa87c
      (_BaseOptimizer.freeze_to / set_hyper with slice -> even_mults or [hi/10, ..., hi], Adam's defaults
       mom 0.9, sqr_mom 0.99, eps 1e-5, wd 0.01 decoupled, do_wd / force_train)
  fastai/learner.py @ 5bc369c27846819edb825253fbb7bec0213cc2cb
      (Learner defaults moms=(0.95, 0.85, 0.95), wd_bn_bias=False, train_bn=True; create_opt marks norm and
       bias parameters do_wd=False and norm parameters force_train=True; Learner.freeze_to calls opt.freeze_to(n)
       then opt.clear_state(), so each fit starts from an empty optimizer state: not in the trace's columns, checked
       by runtime/.../plan/FastaiScheduleResumeTest)
fastai.torch_core.even_mults: step = (stop/start)**(1/(n-1)); [start*step**i for i in range(n)].

The model: nn.Sequential(nn.Sequential(Linear, BatchNorm1d, Linear), Linear) split into four parameter lists
(layer groups) [0.0, 0.1 (the BatchNorm), 0.2, 1]. fine_tune(3, base_lr=2e-3) with freeze_epochs=1,
5 batches per epoch. `combine_scheds` keeps its cut points in a float32 tensor (torch.tensor of Python
floats), so the phase position is float32 arithmetic: emulated here with struct, checked against torch
when torch is importable.
"""
import math
import struct

import trace

REFERENCE = ("fastai/fastai fastai/callback/schedule.py@0a049e8a90b86d70860f68072698245a1ee787ca, "
             "fastai/optimizer.py@0a20fa1b1c221cb7665d07f6362bfbfa3ffaa87c, "
             "fastai/learner.py@5bc369c27846819edb825253fbb7bec0213cc2cb")


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def sched_cos(start, end, pos):
    return start + (1 + math.cos(math.pi * (1 - pos))) * (end - start) / 2


def combined_cos(pct, start, middle, end):
    """combine_scheds([pct, 1-pct], [SchedCos(start, middle), SchedCos(middle, end)]) with float32 cut points."""
    raw = [0.0, pct, 1 - pct]
    pcts, acc = [], 0.0
    for p in raw:                    # torch.cumsum over a float32 tensor
        acc = f32(acc + f32(p))
        pcts.append(acc)
    scheds = [(start, middle), (middle, end)]

    def inner(pos):
        pos32 = f32(pos)             # pos >= pcts compares in float32
        idx = min(max(i for i, p in enumerate(pcts) if pos32 >= p), len(pcts) - 2)
        actual = f32(f32(pos32 - pcts[idx]) / f32(pcts[idx + 1] - pcts[idx]))
        s, e = scheds[idx]
        return sched_cos(s, e, actual)
    return inner


def check_against_torch():
    try:
        import torch
    except ImportError:
        return
    for pct in (0.3, 0.99, 0.25):
        pcts = torch.cumsum(torch.tensor([0, pct, 1 - pct]), 0)
        for n in (5, 15, 7):
            for j in range(n):
                pos = j / n
                idx = min((pos >= pcts).nonzero().max(), 1)
                actual = ((pos - pcts[idx]) / (pcts[idx + 1] - pcts[idx])).item()
                mine = combined_cos(pct, 0.0, 1.0, 0.0)
                raw = [0.0, pct, 1 - pct]
                p32, acc = [], 0.0
                for p in raw:
                    acc = f32(acc + f32(p))
                    p32.append(acc)
                i2 = 1 if f32(pos) >= p32[1] else 0
                a2 = f32(f32(f32(pos) - p32[i2]) / f32(p32[i2 + 1] - p32[i2]))
                assert int(idx) == i2 and actual == a2, (pct, n, j, actual, a2)


def even_mults(start, stop, n):
    step = (stop / start) ** (1 / (n - 1))
    return [start * (step ** i) for i in range(n)]


def slice_lrs(lo, hi, n):
    """_BaseOptimizer.set_hyper with slice(lo, hi) (lo None: slice(hi))."""
    if lo:
        return even_mults(lo, hi, n)
    return [hi / 10] * (n - 1) + [hi]


def main():
    check_against_torch()
    # parameter: (name, layer group, is norm, is bias)
    params = [("0.0.weight", 0, False, False), ("0.0.bias", 0, False, True),
              ("0.1.weight", 1, True, False), ("0.1.bias", 1, True, True),
              ("0.2.weight", 2, False, False), ("0.2.bias", 2, False, True),
              ("1.weight", 3, False, False), ("1.bias", 3, False, True)]
    n_groups = 4
    batches = 5
    epochs, base_lr, freeze_epochs, lr_mult, pct_start, div = 3, 2e-3, 1, 100, 0.3, 5.0
    moms = (0.95, 0.85, 0.95)
    wd = 0.01                               # Adam's default; Learner.wd is None
    do_wd = [not (norm or bias) for _, _, norm, bias in params]   # wd_bn_bias=False
    force_train = [norm for _, _, norm, _ in params]             # train_bn=True

    steps = []

    def fit_one_cycle(n_epoch, lrs, epoch0, frozen_idx, pct, div_, div_final=1e5):
        lr_max = lrs
        lr_sched = [combined_cos(pct, m / div_, m, m / div_final) for m in lr_max]
        mom_sched = combined_cos(pct, *moms)
        total = n_epoch * batches
        for e in range(n_epoch):
            for b in range(batches):
                train_iter = e * batches + b
                pos = train_iter / total            # ParamScheduler.before_batch: pct_train
                lr = [lr_sched[g](pos) for _, g, _, _ in params]
                beta1 = [mom_sched(pos)] * len(params)
                frozen = [g < frozen_idx and not force_train[i] for i, (_, g, _, _) in enumerate(params)]
                steps.append(trace.step(epoch0 + e, lr, [wd if d else 0.0 for d in do_wd], frozen, beta1=beta1))

    # fine_tune
    fit_one_cycle(freeze_epochs, slice_lrs(None, base_lr, n_groups), 0, n_groups - 1, 0.99, 25.0)   # freeze(): freeze_to(-1)
    base_lr /= 2
    fit_one_cycle(epochs, slice_lrs(base_lr / lr_mult, base_lr, n_groups), freeze_epochs, 0, pct_start, div)  # unfreeze()

    c = trace.case("fine_tune_3_epochs_4_layer_groups", "FastaiFineTune", REFERENCE, freeze_epochs + epochs, batches,
                   [p[0] for p in params], steps)
    trace.write("fastai_fine_tune.json", [c])


if __name__ == "__main__":
    main()
