#!/usr/bin/python3
"""Records Anneal's scheduler conformance fixtures from PyTorch.

Run with Debian's PyTorch (torch 1.13):  /usr/bin/python3 runtime/src/test/python/record_scheduler_fixtures.py
Writes runtime/src/test/resources/conformance/schedulers/<file>.json in the scheduler schema of
shared/conformance/SCHEMA.md. Every value is PyTorch's own float64 arithmetic.

Where PyTorch 2.x behaves differently from 1.13, the fixtures follow 2.x:
  * CyclicLR cycles Adam's beta1 (2.x `use_beta1`); 1.13 refuses optimizers without `momentum`.
    Emulated below: the 1.13 scheduler runs with a `momentum` entry standing in for beta1, which is
    moved into `betas[0]` after construction and after every step (2.x writes the same formula
    into betas[0]).
  * SequentialLR undoes its children's initial steps recursively in 2.x (`recursive_undo`); the
    cases here never nest composites inside SequentialLR, where 1.13 and 2.x agree.
Anneal's own schedules are recorded too, each emulated in float64 from its reference definition:
  * warmups (LinearWarmup, ConstantWarmup, CosineWarmup, ExponentialWarmup) as PyTorch's
    SequentialLR([LambdaLR(warmup factor), child], milestones=[warmup_steps]), the child built
    first as Anneal builds it; a ReduceLROnPlateau child (which SequentialLR cannot hold) by hand:
    metrics during the warmup are ignored, the plateau is constructed at warmup_steps;
  * transformers' schedules: PyTorch LambdaLR with the lambdas of transformers 4.57.6
    optimization.py copied below (transformers is not installed here);
  * timm.CosineLRScheduler: timm 1.0.29's _get_lr copied below, without noise (timm draws noise
    from torch's generator, Anneal from its own; only the noise-free schedule is comparable).
  * CosineAnnealingWarmupRestarts: katsura-jp/pytorch-cosine-annealing-with-warmup,
    cosine_annealing_warmup/scheduler.py at commit 12d03c07553aedd3d9e9155e2b3e31ce8c64081a (master;
    the file last changed in 786b9f60bbd41a55323761092e96e2e05409e5cd), emulated in WarmupRestarts
    below (the package is not on PyPI or in Debian). Its construction, step() and step(epoch) are
    written out state for state; max_lr / min_lr lists (one per group) are Anneal's extension, the
    reference's formula applied per group (kozistr/pytorch_optimizer's copy of the class, at commit
    7a076d2f8f09735e82f9ec1d2d389ec2526bbdbb, takes one number for each, with other defaults).
A spec with last_epoch = k >= 0 is a run resumed by position: the same spec is first built with
last_epoch=-1 and stepped k times, so the groups carry what it wrote (initial_lr, OneCycleLR's
max_lr / min_lr / momentum bounds) and the lr after step k, as a checkpointed optimizer's
param_groups do; then the scheduler is built with last_epoch=k, and trace entry 0 is right after
that construction. PyTorch 2.x differs from 1.13 there: its chainable ExponentialLR, LinearLR,
PolynomialLR, CosineAnnealingLR and MultiplicativeLR leave the resumed lr as it is during that
construction (`_is_initial`, pytorch#149312 and its follow-ups; 1.13 steps it once more, and
CosineAnnealingLR 1.13 writes its closed form at k + 1), and 2.x's CosineAnnealingWarmRestarts wraps
T_cur = k + 1 with % T_0 where 1.13 subtracts T_0 once. The fixtures follow 2.x: after the 1.13
construction the groups' lrs are put back (KEEPS_LR_WHEN_RESUMED below), or T_cur is wrapped with %
and the lrs recomputed (resume()); the later steps are the same code in both. The transformers
recipes pass last_epoch to their LambdaLR, as transformers does.
Functions cannot live in JSON: CyclicLR's custom scale_fn and LambdaLR / MultiplicativeLR's
lr_lambda name one of SCALE_FNS / LR_LAMBDAS below, and the Java runner maps the same name to the
same function.
"""
import json
import math
import os
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "schedulers")

SCALE_FNS = {
    "half_power": lambda x: 0.5 ** x,
    "inverse": lambda x: 1.0 / (1.0 + x),
}

LR_LAMBDAS = {
    "decay_95": lambda e: 0.95 ** e,
    "inverse": lambda e: 1.0 / (1.0 + e),
    "halve_every_3": lambda e: 0.5 ** (e // 3),
    "constant_95": lambda e: 0.95,
    "alternate": lambda e: 0.9 if e % 2 == 1 else 1.0,
}


def make_optimizer(name, kwargs, initial_lrs):
    params = [torch.nn.Parameter(torch.zeros(1)) for _ in initial_lrs]
    groups = [{"params": [p], "lr": lr} for p, lr in zip(params, initial_lrs)]
    return getattr(torch.optim, name)(groups, **kwargs)


class Beta1Shim:
    """2.x CyclicLR beta1 cycling on torch 1.13 (see the module comment)."""

    def __init__(self, optimizer):
        self.optimizer = optimizer
        optimizer.defaults["momentum"] = 0.0
        for group in optimizer.param_groups:
            group["momentum"] = group["betas"][0]

    def sync(self):
        for group in self.optimizer.param_groups:
            group["betas"] = (group["momentum"], *group["betas"][1:])

    def finish(self):
        self.sync()
        for group in self.optimizer.param_groups:
            del group["momentum"]
        del self.optimizer.defaults["momentum"]


def build(spec, optimizer):
    spec = dict(spec)
    kind = spec.pop("type")
    children = spec.pop("schedulers", None)
    if kind == "CosineAnnealingWarmupRestarts":
        return WarmupRestarts(optimizer, **spec)
    if kind in ("LinearWarmup", "ConstantWarmup", "CosineWarmup", "ExponentialWarmup"):
        return build_warmup(kind, spec, children, optimizer)
    if kind == "timm.CosineLRScheduler":
        return build_timm_cosine(spec, optimizer)
    if kind.endswith("WithWarmupLR") or kind in ("InverseSqrtLR", "WarmupStableDecayLR"):
        return build_transformers(kind, spec, optimizer)
    if kind == "SequentialLR":
        return S.SequentialLR(optimizer, [build(c, optimizer) for c in children], **spec)
    if kind == "ChainedScheduler":
        return S.ChainedScheduler([build(c, optimizer) for c in children])
    if kind == "CyclicLR" and isinstance(spec.get("scale_fn"), str):
        spec["scale_fn"] = SCALE_FNS[spec["scale_fn"]]
    if kind in ("LambdaLR", "MultiplicativeLR"):
        names = spec["lr_lambda"]
        spec["lr_lambda"] = [LR_LAMBDAS[n] for n in names] if isinstance(names, list) else LR_LAMBDAS[names]
    if kind == "SWALR":
        return torch.optim.swa_utils.SWALR(optimizer, **spec)
    cls = getattr(S, kind)
    return cls(optimizer, **spec)


def warmup_factor(shape, f, w):
    def factor(t):
        if t >= w:
            return 1.0
        a = t / w
        if shape == "LinearWarmup":
            return f * (1 - a) + a
        if shape == "ConstantWarmup":
            return f
        if shape == "CosineWarmup":
            return f + (1 - f) * (1 - math.cos(math.pi * a)) / 2
        return f ** (1 - a)
    return factor


class ManualSchedule:
    """Steps like a scheduler: step(metric=None) -> values written by `advance(t, metric)`."""

    def __init__(self, advance):
        self.t = 0
        self.advance = advance
        advance(0, None)

    def step(self, metric=None):
        self.t += 1
        self.advance(self.t, metric)


def build_warmup(kind, spec, children, optimizer):
    w = spec["warmup_steps"]
    f = spec.get("warmup_factor", 0.001)
    factor = warmup_factor(kind, f, w)
    child_spec = children[0] if children else None
    if child_spec is not None and child_spec["type"] == "ReduceLROnPlateau":
        groups = optimizer.param_groups
        for g in groups:
            g.setdefault("initial_lr", g["lr"])
        state = {}

        def advance(t, metric):
            if t < w:
                for g in groups:
                    g["lr"] = g["initial_lr"] * factor(t)
            elif t == w:
                for g in groups:
                    g["lr"] = g["initial_lr"]
                state["plateau"] = build(child_spec, optimizer)
            else:
                state["plateau"].step(metric)
        return ManualSchedule(advance)
    child = build(child_spec, optimizer) if child_spec is not None else None
    warm = S.LambdaLR(optimizer, factor)
    if child is None:
        return warm
    return S.SequentialLR(optimizer, [warm, child], milestones=[w])


# transformers 4.57.6, optimization.py (the lr lambdas, verbatim but for names)
def tf_constant_with_warmup(current_step, *, num_warmup_steps):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1.0, num_warmup_steps))
    return 1.0


def tf_linear_with_warmup(current_step, *, num_warmup_steps, num_training_steps):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    return max(0.0, float(num_training_steps - current_step) / float(max(1, num_training_steps - num_warmup_steps)))


def tf_cosine_with_warmup(current_step, *, num_warmup_steps, num_training_steps, num_cycles=0.5):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    return max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress)))


def tf_cosine_hard_restarts(current_step, *, num_warmup_steps, num_training_steps, num_cycles=1):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    if progress >= 1.0:
        return 0.0
    return max(0.0, 0.5 * (1.0 + math.cos(math.pi * ((float(num_cycles) * progress) % 1.0))))


def tf_polynomial(current_step, *, num_warmup_steps, num_training_steps, lr_end, power, lr_init):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    elif current_step > num_training_steps:
        return lr_end / lr_init
    else:
        lr_range = lr_init - lr_end
        decay_steps = num_training_steps - num_warmup_steps
        pct_remaining = 1 - (current_step - num_warmup_steps) / decay_steps
        decay = lr_range * pct_remaining**power + lr_end
        return decay / lr_init


def tf_inverse_sqrt(current_step, *, num_warmup_steps, timescale=None):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    shift = timescale - num_warmup_steps
    decay = 1.0 / math.sqrt((current_step + shift) / timescale)
    return decay


def tf_wsd(current_step, *, num_warmup_steps, num_stable_steps, num_decay_steps, warmup_type, decay_type, min_lr_ratio,
           num_cycles):
    if current_step < num_warmup_steps:
        progress = float(current_step) / float(max(1, num_warmup_steps))
        if warmup_type == "linear":
            factor = progress
        elif warmup_type == "cosine":
            factor = 0.5 * (1.0 - math.cos(math.pi * progress))
        elif warmup_type == "1-sqrt":
            factor = 1.0 - math.sqrt(1.0 - progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    if current_step < num_warmup_steps + num_stable_steps:
        return 1.0
    if current_step < num_warmup_steps + num_stable_steps + num_decay_steps:
        progress = float(current_step - num_warmup_steps - num_stable_steps) / float(max(1, num_decay_steps))
        if decay_type == "linear":
            factor = 1.0 - progress
        elif decay_type == "cosine":
            factor = 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress))
        elif decay_type == "1-sqrt":
            factor = 1.0 - math.sqrt(progress)
        factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
        return max(0.0, factor)
    return min_lr_ratio


def build_transformers(kind, spec, optimizer):
    k = dict(spec)
    last_epoch = k.pop("last_epoch", -1)
    LambdaLR = lambda opt, fn: S.LambdaLR(opt, fn, last_epoch=last_epoch)  # transformers passes last_epoch on
    if kind == "ConstantWithWarmupLR":
        return LambdaLR(optimizer, lambda s: tf_constant_with_warmup(s, **k))
    if kind == "LinearWithWarmupLR":
        return LambdaLR(optimizer, lambda s: tf_linear_with_warmup(s, **k))
    if kind == "CosineWithWarmupLR":
        return LambdaLR(optimizer, lambda s: tf_cosine_with_warmup(s, **k))
    if kind == "CosineWithHardRestartsWithWarmupLR":
        return LambdaLR(optimizer, lambda s: tf_cosine_hard_restarts(s, **k))
    if kind == "PolynomialWithWarmupLR":
        # Anneal: each group decays from its own base lr (transformers: optimizer.defaults["lr"]);
        # the cases here give every group the optimizer's default lr, where both agree.
        lr_init = optimizer.defaults["lr"]
        return LambdaLR(optimizer, lambda s: tf_polynomial(s, lr_end=k.get("lr_end", 1e-7), power=k.get("power", 1.0),
                                                             num_warmup_steps=k["num_warmup_steps"],
                                                             num_training_steps=k["num_training_steps"], lr_init=lr_init))
    if kind == "InverseSqrtLR":
        timescale = k.get("timescale") or k["num_warmup_steps"] or 10_000
        return LambdaLR(optimizer, lambda s: tf_inverse_sqrt(s, num_warmup_steps=k["num_warmup_steps"], timescale=timescale))
    if kind == "WarmupStableDecayLR":
        stable = k.get("num_stable_steps")
        if stable is None:
            stable = k["num_training_steps"] - k["num_warmup_steps"] - k["num_decay_steps"]
        return LambdaLR(optimizer, lambda s: tf_wsd(
            s, num_warmup_steps=k["num_warmup_steps"], num_stable_steps=stable, num_decay_steps=k["num_decay_steps"],
            warmup_type=k.get("warmup_type", "linear"), decay_type=k.get("decay_type", "cosine"),
            min_lr_ratio=k.get("min_lr_ratio", 0), num_cycles=k.get("num_cycles", 0.5)))
    raise ValueError(kind)


def build_timm_cosine(spec, optimizer):
    """timm 1.0.29 CosineLRScheduler._get_lr (noise-free), stepped as scheduler.step(t)."""
    k = dict(spec)
    t_initial = k["t_initial"]
    lr_min = k.get("lr_min", 0.0)
    cycle_mul = k.get("cycle_mul", 1.0)
    cycle_decay = k.get("cycle_decay", 1.0)
    cycle_limit = k.get("cycle_limit", 1)
    warmup_t = k.get("warmup_t", 0)
    warmup_lr_init = k.get("warmup_lr_init", 0.0)
    warmup_prefix = k.get("warmup_prefix", False)
    k_decay = k.get("k_decay", 1.0)
    groups = optimizer.param_groups
    for g in groups:
        g.setdefault("initial_lr", g["lr"])
    base_values = [g["initial_lr"] for g in groups]
    warmup_steps = [(v - warmup_lr_init) / warmup_t for v in base_values] if warmup_t else [1 for _ in base_values]

    def get_lr(t):
        if t < warmup_t:
            return [warmup_lr_init + t * s for s in warmup_steps]
        if warmup_prefix:
            t = t - warmup_t
        if cycle_mul != 1:
            i = math.floor(math.log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))
            t_i = cycle_mul ** i * t_initial
            t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial
        else:
            i = t // t_initial
            t_i = t_initial
            t_curr = t - (t_initial * i)
        gamma = cycle_decay ** i
        lr_max_values = [v * gamma for v in base_values]
        if i < cycle_limit:
            return [lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * t_curr ** k_decay / t_i ** k_decay))
                    for lr_max in lr_max_values]
        return [lr_min for _ in base_values]

    def advance(t, metric):
        for g, lr in zip(groups, get_lr(t)):
            g["lr"] = lr
    return ManualSchedule(advance)


class WarmupRestarts:
    """katsura-jp's CosineAnnealingWarmupRestarts (see the module comment), in float64.

    The state is the reference's: step_in_cycle, cycle, cur_cycle_steps. Construction is the base
    scheduler's (initial_lr set, or required when resuming, then one step), after which every
    group's lr is overwritten with min_lr; get_lr's formulas keep the reference's order of operations.
    """

    def __init__(self, optimizer, first_cycle_steps, cycle_mult=1.0, max_lr=0.1, min_lr=0.001, warmup_steps=0, gamma=1.0,
                 last_epoch=-1):
        assert warmup_steps < first_cycle_steps
        groups = optimizer.param_groups
        self.optimizer = optimizer
        self.groups = groups
        self.first = first_cycle_steps
        self.mult = cycle_mult
        self.warmup = warmup_steps
        self.gamma = gamma
        self.max_lrs = list(max_lr) if isinstance(max_lr, list) else [max_lr] * len(groups)
        self.min_lrs = list(min_lr) if isinstance(min_lr, list) else [min_lr] * len(groups)
        self.cur = first_cycle_steps
        self.cycle = 0
        self.step_in_cycle = last_epoch
        if last_epoch == -1:
            for g in groups:
                g.setdefault("initial_lr", g["lr"])
        else:
            for i, g in enumerate(groups):
                if "initial_lr" not in g:
                    raise KeyError("param 'initial_lr' is not specified in param_groups[%d] when resuming an optimizer" % i)
        self.base_lrs = [g["initial_lr"] for g in groups]
        self.last_epoch = last_epoch
        self.step()
        self.base_lrs = list(self.min_lrs)
        for g, low in zip(groups, self.min_lrs):
            g["lr"] = low

    def _initial_step(self):
        """The base scheduler's construction step, as SequentialLR re-runs it (init_lr is not re-run)."""
        self.step()

    def get_last_lr(self):
        return [g["lr"] for g in self.groups]

    def lrs(self):
        peaks = [m * self.gamma ** self.cycle for m in self.max_lrs]
        s = self.step_in_cycle
        if s < self.warmup:
            return [(peak - low) * s / self.warmup + low for peak, low in zip(peaks, self.base_lrs)]
        return [low + (peak - low) * (1 + math.cos(math.pi * (s - self.warmup) / (self.cur - self.warmup))) / 2
                for peak, low in zip(peaks, self.base_lrs)]

    def step(self, epoch=None):
        if epoch is None:
            epoch = self.last_epoch + 1
            self.step_in_cycle += 1
            if self.step_in_cycle >= self.cur:
                self.cycle += 1
                self.step_in_cycle -= self.cur
                self.cur = int((self.cur - self.warmup) * self.mult) + self.warmup
        elif epoch >= self.first:
            if self.mult == 1.0:
                self.step_in_cycle = epoch % self.first
                self.cycle = epoch // self.first
            else:
                n = int(math.log(epoch / self.first * (self.mult - 1) + 1, self.mult))
                self.cycle = n
                self.step_in_cycle = epoch - int(self.first * (self.mult ** n - 1) / (self.mult - 1))
                self.cur = self.first * self.mult ** n
        else:
            self.cur = self.first
            self.step_in_cycle = epoch
        self.last_epoch = math.floor(epoch)
        for g, lr in zip(self.groups, self.lrs()):
            g["lr"] = lr


KEEPS_LR_WHEN_RESUMED = {"ExponentialLR", "LinearLR", "PolynomialLR", "CosineAnnealingLR", "MultiplicativeLR"}


def resume(spec, opt):
    """Steps the spec from -1 for last_epoch steps, then builds it at last_epoch (module comment)."""
    k = spec["last_epoch"]
    fresh = {key: value for key, value in spec.items() if key != "last_epoch"}
    earlier = build(fresh, opt)
    for _ in range(k):
        opt.step()
        earlier.step()
    before = [g["lr"] for g in opt.param_groups]
    sched = build(spec, opt)
    if spec["type"] in KEEPS_LR_WHEN_RESUMED:
        for g, lr in zip(opt.param_groups, before):
            g["lr"] = lr
    if spec["type"] == "CosineAnnealingWarmRestarts" and k + 1 >= sched.T_0:
        # 2.x wraps T_cur = k + 1 with % T_0 at construction; 1.13 subtracted T_0 once
        sched.T_cur = (k + 1) % sched.T_0
        for g, lr in zip(opt.param_groups, sched.get_lr()):
            g["lr"] = lr
    return sched


def snapshot(optimizer):
    entry = {"lr": [g["lr"] for g in optimizer.param_groups]}
    if "momentum" in optimizer.defaults:
        entry["momentum"] = [g["momentum"] for g in optimizer.param_groups]
    if "betas" in optimizer.defaults:
        entry["beta1"] = [g["betas"][0] for g in optimizer.param_groups]
    return entry


def record(name, spec, initial_lrs, optimizer="SGD", optimizer_kwargs=None, steps=None, metrics=None, epochs=None):
    optimizer_kwargs = optimizer_kwargs or {}
    opt = make_optimizer(optimizer, optimizer_kwargs, initial_lrs)
    shim = None
    if spec["type"] == "CyclicLR" and "betas" in opt.defaults and spec.get("cycle_momentum", True):
        shim = Beta1Shim(opt)
    sched = resume(spec, opt) if spec.get("last_epoch", -1) >= 0 else build(spec, opt)
    n = len(metrics) if metrics is not None else len(epochs) if epochs is not None else steps
    trace = []

    def snap():
        if shim:
            shim.sync()
            saved = {k: opt.defaults.pop(k) for k in ["momentum"]}
            entry = snapshot(opt)
            opt.defaults.update(saved)
            return entry
        return snapshot(opt)

    trace.append(snap())
    for i in range(n):
        opt.step()
        if metrics is not None:
            sched.step(metrics[i])
        elif epochs is not None:
            sched.step(epochs[i])
        else:
            sched.step()
        trace.append(snap())
    if shim:
        shim.finish()
    return {"name": name, "spec": spec, "initial_lrs": initial_lrs, "optimizer": optimizer,
            "optimizer_kwargs": optimizer_kwargs, "metrics": metrics, "epochs": epochs, "trace": trace}


SGD_M = {"momentum": 0.9}
ADAM = {"betas": [0.9, 0.999]}


def cases():
    files = {}
    files["lambda_multiplicative_lr"] = [
        record("lambda_one_function", {"type": "LambdaLR", "lr_lambda": "decay_95"}, [0.1, 0.02], steps=12),
        record("lambda_per_group", {"type": "LambdaLR", "lr_lambda": ["inverse", "halve_every_3"]}, [0.1, 0.02], steps=10),
        record("multiplicative_one_function", {"type": "MultiplicativeLR", "lr_lambda": "constant_95"}, [0.1], steps=12),
        record("multiplicative_per_group", {"type": "MultiplicativeLR", "lr_lambda": ["alternate", "constant_95"]}, [0.1, 0.3], steps=9),
        record("chained_lambda_after_exponential", {"type": "ChainedScheduler", "schedulers": [
            {"type": "ExponentialLR", "gamma": 0.9}, {"type": "MultiplicativeLR", "lr_lambda": "alternate"}]}, [0.1], steps=8),
    ]
    cosine = {"type": "CosineAnnealingLR", "T_max": 12, "eta_min": 0.001}
    files["warmup"] = [
        record("linear_warmup_then_cosine", {"type": "LinearWarmup", "warmup_steps": 5, "warmup_factor": 0.1, "schedulers": [cosine]},
               [0.1, 0.02], "SGD", SGD_M, steps=20),
        record("linear_warmup_default_factor_alone", {"type": "LinearWarmup", "warmup_steps": 4}, [0.1], steps=7),
        record("constant_warmup_then_step", {"type": "ConstantWarmup", "warmup_steps": 3, "warmup_factor": 0.25,
                                             "schedulers": [{"type": "StepLR", "step_size": 2, "gamma": 0.5}]}, [0.1], steps=10),
        record("cosine_warmup_then_one_cycle_beta1", {"type": "CosineWarmup", "warmup_steps": 4, "warmup_factor": 0.0,
                                                      "schedulers": [{"type": "OneCycleLR", "max_lr": 0.01, "total_steps": 10}]},
               [0.001], "Adam", ADAM, steps=14),
        record("exponential_warmup_then_constant_lr", {"type": "ExponentialWarmup", "warmup_steps": 6, "warmup_factor": 0.01,
                                                       "schedulers": [{"type": "ConstantLR", "factor": 0.5, "total_iters": 2}]},
               [0.1, 0.5], steps=10),
        record("linear_warmup_then_plateau", {"type": "LinearWarmup", "warmup_steps": 3, "warmup_factor": 0.2,
                                              "schedulers": [{"type": "ReduceLROnPlateau", "patience": 1, "factor": 0.5}]},
               [0.1], metrics=[5.0, 4.0, 3.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.6, 0.7, 0.8]),
        record("linear_warmup_then_cyclic_momentum", {"type": "LinearWarmup", "warmup_steps": 3, "warmup_factor": 0.5,
                                                      "schedulers": [{"type": "CyclicLR", "base_lr": 0.01, "max_lr": 0.1,
                                                                      "step_size_up": 2}]}, [0.05], "SGD", SGD_M, steps=10),
    ]
    files["transformers_recipes"] = [
        record("tf_constant_with_warmup", {"type": "ConstantWithWarmupLR", "num_warmup_steps": 4}, [0.1, 0.01], steps=8),
        record("tf_linear_with_warmup", {"type": "LinearWithWarmupLR", "num_warmup_steps": 3, "num_training_steps": 12}, [0.1],
               steps=14),
        record("tf_cosine_with_warmup", {"type": "CosineWithWarmupLR", "num_warmup_steps": 3, "num_training_steps": 15}, [0.1, 0.3],
               steps=16),
        record("tf_cosine_with_warmup_cycles", {"type": "CosineWithWarmupLR", "num_warmup_steps": 2, "num_training_steps": 12,
                                                "num_cycles": 1.5}, [0.1], steps=12),
        record("tf_cosine_hard_restarts", {"type": "CosineWithHardRestartsWithWarmupLR", "num_warmup_steps": 2,
                                           "num_training_steps": 14, "num_cycles": 3}, [0.1], steps=16),
        record("tf_polynomial", {"type": "PolynomialWithWarmupLR", "num_warmup_steps": 2, "num_training_steps": 10, "lr_end": 1e-4,
                                 "power": 2.0}, [0.001], "SGD", {"lr": 0.001}, steps=12),
        record("tf_polynomial_defaults", {"type": "PolynomialWithWarmupLR", "num_warmup_steps": 3, "num_training_steps": 9},
               [0.001, 0.001], "SGD", {"lr": 0.001}, steps=11),
        record("tf_inverse_sqrt", {"type": "InverseSqrtLR", "num_warmup_steps": 4}, [0.1], steps=12),
        record("tf_inverse_sqrt_timescale", {"type": "InverseSqrtLR", "num_warmup_steps": 2, "timescale": 5}, [0.1], steps=10),
        record("tf_wsd_defaults", {"type": "WarmupStableDecayLR", "num_warmup_steps": 2, "num_decay_steps": 4, "num_training_steps": 10},
               [0.1], steps=12),
        record("tf_wsd_cosine_1sqrt_min_ratio", {"type": "WarmupStableDecayLR", "num_warmup_steps": 3, "num_decay_steps": 4,
                                                 "num_stable_steps": 2, "warmup_type": "cosine", "decay_type": "1-sqrt",
                                                 "min_lr_ratio": 0.1}, [0.1], steps=11),
        record("tf_wsd_1sqrt_warmup_linear_decay", {"type": "WarmupStableDecayLR", "num_warmup_steps": 4, "num_decay_steps": 3,
                                                    "num_training_steps": 9, "warmup_type": "1-sqrt", "decay_type": "linear"},
               [0.1], steps=10),
    ]
    files["timm_cosine"] = [
        record("timm_cosine_single_cycle", {"type": "timm.CosineLRScheduler", "t_initial": 10}, [0.1], steps=14),
        record("timm_cosine_cycles_decay_limit_warmup", {"type": "timm.CosineLRScheduler", "t_initial": 4, "lr_min": 1e-4,
                                                         "cycle_decay": 0.5, "cycle_limit": 3, "warmup_t": 2,
                                                         "warmup_lr_init": 1e-5}, [0.1, 0.05], steps=16),
        record("timm_cosine_cycle_mul_k_decay", {"type": "timm.CosineLRScheduler", "t_initial": 3, "cycle_mul": 2.0, "cycle_limit": 4,
                                                 "k_decay": 1.5}, [0.1], steps=30),
        record("timm_cosine_warmup_prefix", {"type": "timm.CosineLRScheduler", "t_initial": 6, "warmup_t": 3, "warmup_prefix": True,
                                             "warmup_lr_init": 0.001, "cycle_limit": 2}, [0.1], steps=16),
    ]
    files["step_lr"] = [
        record("step_default_gamma", {"type": "StepLR", "step_size": 3}, [0.1], steps=12),
        record("step_gamma_two_groups", {"type": "StepLR", "step_size": 2, "gamma": 0.5}, [0.1, 0.03], steps=10),
    ]
    files["multistep_lr"] = [
        record("multistep_repeated_milestones", {"type": "MultiStepLR", "milestones": [2, 5, 5, 8], "gamma": 0.3}, [0.1, 1.0], steps=12),
        record("multistep_default_gamma", {"type": "MultiStepLR", "milestones": [1, 4]}, [0.5], steps=6),
    ]
    files["constant_linear_lr"] = [
        record("constant_defaults", {"type": "ConstantLR"}, [0.1, 0.07], steps=8),
        record("constant_half_4", {"type": "ConstantLR", "factor": 0.5, "total_iters": 4}, [0.05], steps=7),
        record("linear_defaults", {"type": "LinearLR"}, [0.1], steps=8),
        record("linear_quarter_to_three_quarters", {"type": "LinearLR", "start_factor": 0.25, "end_factor": 0.75, "total_iters": 6},
               [0.1, 0.3], steps=9),
        # total_iters=0: the chainable form never reaches its milestone and keeps the start factor
        # (PyTorch's own _get_closed_form_lr says otherwise; training steps the chainable form).
        record("constant_zero_iters", {"type": "ConstantLR", "factor": 0.5, "total_iters": 0}, [0.1], steps=4),
        record("linear_zero_iters", {"type": "LinearLR", "start_factor": 0.25, "total_iters": 0}, [0.1], steps=4),
    ]
    files["exponential_polynomial_lr"] = [
        record("exponential", {"type": "ExponentialLR", "gamma": 0.9}, [0.1, 0.02], steps=30),
        record("polynomial_defaults", {"type": "PolynomialLR"}, [0.001], steps=7),
        record("polynomial_power2", {"type": "PolynomialLR", "total_iters": 8, "power": 2.0}, [0.1], steps=10),
        record("polynomial_power_half", {"type": "PolynomialLR", "total_iters": 6, "power": 0.5}, [0.1, 0.2], steps=8),
    ]
    files["cosine_annealing_lr"] = [
        record("cosine_eta_min_past_t_max", {"type": "CosineAnnealingLR", "T_max": 10, "eta_min": 0.001}, [0.1, 0.05], steps=35),
        record("cosine_zero_eta", {"type": "CosineAnnealingLR", "T_max": 7}, [0.2], steps=20),
    ]
    files["cosine_warm_restarts"] = [
        record("warm_restarts_t0_5", {"type": "CosineAnnealingWarmRestarts", "T_0": 5}, [0.1], steps=16),
        record("warm_restarts_tmult_2", {"type": "CosineAnnealingWarmRestarts", "T_0": 3, "T_mult": 2, "eta_min": 0.01}, [0.1, 0.05],
               steps=25),
        record("warm_restarts_fractional_epochs", {"type": "CosineAnnealingWarmRestarts", "T_0": 4, "eta_min": 0.001}, [0.1],
               epochs=[0.25 * i for i in range(1, 30)]),
        record("warm_restarts_fractional_tmult_2", {"type": "CosineAnnealingWarmRestarts", "T_0": 2, "T_mult": 2}, [0.1],
               epochs=[0.1, 0.7, 1.3, 2.0, 2.5, 3.9, 5.5, 6.0, 6.01, 9.75, 13.9, 14.0, 20.5]),
    ]
    files["cyclic_lr"] = [
        record("cyclic_triangular_sgd_momentum", {"type": "CyclicLR", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 4}, [0.05],
               "SGD", SGD_M, steps=20),
        record("cyclic_triangular2_step_down", {"type": "CyclicLR", "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3,
                                                 "step_size_down": 5, "mode": "triangular2"}, [0.05], "SGD", SGD_M, steps=30),
        record("cyclic_exp_range", {"type": "CyclicLR", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 4, "mode": "exp_range",
                                    "gamma": 0.9}, [0.05], "SGD", SGD_M, steps=25),
        record("cyclic_custom_scale_cycle", {"type": "CyclicLR", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 2, "scale_fn": "inverse",
                                             "scale_mode": "cycle", "base_momentum": 0.7, "max_momentum": 0.95}, [0.05], "SGD", SGD_M,
               steps=16),
        record("cyclic_custom_scale_iterations", {"type": "CyclicLR", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3,
                                                  "scale_fn": "half_power", "scale_mode": "iterations"}, [0.05], "SGD", SGD_M, steps=14),
        record("cyclic_no_momentum_cycling", {"type": "CyclicLR", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3,
                                              "cycle_momentum": False}, [0.05], "SGD", SGD_M, steps=12),
        record("cyclic_adam_beta1", {"type": "CyclicLR", "base_lr": 0.0001, "max_lr": 0.001, "step_size_up": 3, "base_momentum": 0.85,
                                     "max_momentum": 0.95}, [0.001], "Adam", ADAM, steps=14),
        record("cyclic_per_group_lists", {"type": "CyclicLR", "base_lr": [0.01, 0.001], "max_lr": [0.1, 0.005], "step_size_up": 2,
                                          "base_momentum": [0.8, 0.85], "max_momentum": [0.9, 0.99]}, [0.05, 0.05], "SGD", SGD_M,
               steps=12),
    ]
    files["one_cycle_lr"] = [
        record("one_cycle_cos", {"type": "OneCycleLR", "max_lr": 0.1, "total_steps": 20}, [0.01], "SGD", SGD_M, steps=20),
        record("one_cycle_linear_divs", {"type": "OneCycleLR", "max_lr": 0.5, "total_steps": 15, "anneal_strategy": "linear",
                                         "div_factor": 10.0, "final_div_factor": 100.0, "pct_start": 0.4}, [0.01], "SGD", SGD_M,
               steps=15),
        record("one_cycle_three_phase", {"type": "OneCycleLR", "max_lr": 0.2, "total_steps": 30, "three_phase": True}, [0.01], "SGD",
               SGD_M, steps=30),
        record("one_cycle_three_phase_linear", {"type": "OneCycleLR", "max_lr": 0.2, "total_steps": 21, "three_phase": True,
                                                "anneal_strategy": "linear"}, [0.01], "SGD", SGD_M, steps=21),
        record("one_cycle_adam_beta1", {"type": "OneCycleLR", "max_lr": 0.003, "total_steps": 16, "base_momentum": 0.8,
                                        "max_momentum": 0.9}, [0.001], "Adam", ADAM, steps=16),
        record("one_cycle_epochs_times_steps", {"type": "OneCycleLR", "max_lr": [0.1, 0.01], "epochs": 3, "steps_per_epoch": 5},
               [0.01, 0.01], "SGD", SGD_M, steps=15),
        # phases of at most one step, which torch runs (Anneal's processor warns, [anneal:one-cycle-fit]):
        # fastai's frozen fine_tune phase (pct_start 0.99 over 99 batches) and a rise shorter than a step
        record("one_cycle_fastai_frozen_phase", {"type": "OneCycleLR", "max_lr": 0.002, "total_steps": 99, "pct_start": 0.99},
               [0.002], "Adam", {"betas": [0.95, 0.99]}, steps=99),
        record("one_cycle_rise_below_one_step", {"type": "OneCycleLR", "max_lr": 1.0, "total_steps": 3, "pct_start": 0.2},
               [0.1], "SGD", SGD_M, steps=3),
        record("one_cycle_no_momentum", {"type": "OneCycleLR", "max_lr": 0.1, "total_steps": 10, "cycle_momentum": False}, [0.01],
               "SGD", SGD_M, steps=10),
    ]
    plateau_metrics = [1.0, 0.9, 0.95, 0.93, 0.91, 0.92, 0.94, 0.8, 0.85, 0.84, 0.83, 0.86, 0.87, 0.88, 0.79, 0.80, 0.81, 0.82, 0.83,
                       0.84]
    files["reduce_lr_on_plateau"] = [
        record("plateau_min_rel", {"type": "ReduceLROnPlateau", "patience": 2}, [0.1, 0.01], metrics=plateau_metrics),
        record("plateau_defaults", {"type": "ReduceLROnPlateau"}, [0.1], metrics=[1.0] * 25),
        record("plateau_max_abs_cooldown", {"type": "ReduceLROnPlateau", "mode": "max", "factor": 0.5, "patience": 1, "threshold": 0.05,
                                            "threshold_mode": "abs", "cooldown": 2},
               [0.1], metrics=[0.1, 0.2, 0.22, 0.23, 0.3, 0.31, 0.32, 0.33, 0.34, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),
        record("plateau_max_rel", {"type": "ReduceLROnPlateau", "mode": "max", "patience": 0, "threshold": 0.1},
               [0.1], metrics=[1.0, 1.05, 1.2, 1.25, 1.4, 1.3]),
        record("plateau_min_abs", {"type": "ReduceLROnPlateau", "patience": 1, "threshold": 0.1, "threshold_mode": "abs"},
               [0.1], metrics=[1.0, 0.95, 0.85, 0.8, 0.78, 0.6, 0.59]),
        record("plateau_per_group_min_lr", {"type": "ReduceLROnPlateau", "patience": 0, "factor": 0.5, "min_lr": [0.02, 0.001]},
               [0.1, 0.01], metrics=[1.0] * 10),
        record("plateau_eps_blocks_tiny_steps", {"type": "ReduceLROnPlateau", "patience": 0, "factor": 0.5, "eps": 0.004},
               [0.1], metrics=[1.0] * 8),
    ]
    files["sequential_lr"] = [
        record("sequential_docs_example", {"type": "SequentialLR", "milestones": [2], "schedulers": [
            {"type": "ConstantLR", "factor": 0.1, "total_iters": 2}, {"type": "ExponentialLR", "gamma": 0.9}]}, [1.0], steps=8),
        record("sequential_three", {"type": "SequentialLR", "milestones": [3, 10], "schedulers": [
            {"type": "LinearLR", "start_factor": 0.1, "total_iters": 3},
            {"type": "CosineAnnealingLR", "T_max": 7, "eta_min": 0.001},
            {"type": "StepLR", "step_size": 2, "gamma": 0.5}]}, [0.1, 0.05], "SGD", SGD_M, steps=16),
        record("sequential_into_one_cycle", {"type": "SequentialLR", "milestones": [4], "schedulers": [
            {"type": "ConstantLR", "factor": 0.5, "total_iters": 10},
            {"type": "OneCycleLR", "max_lr": 0.1, "total_steps": 10}]}, [0.01], "SGD", SGD_M, steps=14),
        record("sequential_into_warm_restarts", {"type": "SequentialLR", "milestones": [3], "schedulers": [
            {"type": "ExponentialLR", "gamma": 0.5},
            {"type": "CosineAnnealingWarmRestarts", "T_0": 4}]}, [0.1], steps=12),
        # Two OneCycleLRs in sequence: each constructor writes the groups' initial_lr, max_lr and min_lr
        # (and max_momentum / base_momentum when it cycles momentum), and every OneCycleLR reads them
        # from the groups, so the first phase runs with the second's bounds over its own phases.
        # torch 1.13 and 2.x agree here (same constructor and get_lr; no nested composite to undo).
        record("sequential_one_cycle_twice", {"type": "SequentialLR", "milestones": [8], "schedulers": [
            {"type": "OneCycleLR", "max_lr": [0.1, 0.05], "total_steps": 8, "pct_start": 0.25},
            {"type": "OneCycleLR", "max_lr": [0.02, 0.01], "total_steps": 12, "pct_start": 0.5, "anneal_strategy": "linear",
             "div_factor": 10.0, "final_div_factor": 100.0, "base_momentum": 0.8, "max_momentum": 0.9}]},
               [0.01, 0.01], "SGD", SGD_M, steps=19),
        # the second does not cycle momentum: the first keeps its own momentum bounds, takes the second's lrs
        record("sequential_one_cycle_twice_adam", {"type": "SequentialLR", "milestones": [9], "schedulers": [
            {"type": "OneCycleLR", "max_lr": 0.003, "total_steps": 9, "three_phase": True, "base_momentum": 0.8,
             "max_momentum": 0.95},
            {"type": "OneCycleLR", "max_lr": 0.001, "total_steps": 6, "cycle_momentum": False}]},
               [0.001], "Adam", ADAM, steps=14),
    ]
    files["chained_scheduler"] = [
        record("chained_docs_example", {"type": "ChainedScheduler", "schedulers": [
            {"type": "ConstantLR", "factor": 0.1, "total_iters": 2}, {"type": "ExponentialLR", "gamma": 0.9}]}, [1.0], steps=8),
        # two OneCycleLRs chained: both read the bounds the second wrote; the first's momentum (the second
        # does not cycle it) and the second's lr are what the groups end up with at each step
        record("chained_one_cycle_twice", {"type": "ChainedScheduler", "schedulers": [
            {"type": "OneCycleLR", "max_lr": 0.1, "total_steps": 12, "pct_start": 0.5, "base_momentum": 0.7,
             "max_momentum": 0.9},
            {"type": "OneCycleLR", "max_lr": 0.05, "total_steps": 12, "pct_start": 0.25, "cycle_momentum": False}]},
               [0.01], "SGD", SGD_M, steps=11),
        record("chained_cosine_step_linear", {"type": "ChainedScheduler", "schedulers": [
            {"type": "CosineAnnealingLR", "T_max": 10, "eta_min": 0.001},
            {"type": "StepLR", "step_size": 4, "gamma": 0.5},
            {"type": "LinearLR", "start_factor": 0.5, "total_iters": 3}]}, [0.1, 0.2], steps=25),
        record("chained_multistep_polynomial", {"type": "ChainedScheduler", "schedulers": [
            {"type": "MultiStepLR", "milestones": [2, 2, 6], "gamma": 0.5},
            {"type": "PolynomialLR", "total_iters": 8, "power": 1.5}]}, [0.1], steps=12),
    ]
    # katsura-jp's CosineAnnealingWarmupRestarts, emulated (module comment).
    seed = {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 200, "max_lr": 0.1, "min_lr": 0.001,
            "warmup_steps": 50, "gamma": 0.5}
    files["warmup_restarts"] = [
        # the seed's call: 200-step cycles, 50 of warmup, each peak half the last
        record("warmup_restarts_seed", seed, [0.1], "SGD", SGD_M, steps=520),
        # a warmup, then two restarts with cycles growing by cycle_mult 2 (10, 17, 31 steps) and peaks halving
        record("warmup_restarts_two_restarts_mult_2_gamma_half", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 10,
                                                                  "cycle_mult": 2.0, "max_lr": 0.1, "min_lr": 0.001,
                                                                  "warmup_steps": 3, "gamma": 0.5}, [0.05], steps=45),
        # stepped per batch inside an epoch loop, 4 epochs of 12 batches (WarmupRestartsPerBatchTest drives a plan so)
        record("warmup_restarts_per_batch_4_epochs_of_12", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 20,
                                                            "cycle_mult": 2.0, "max_lr": 0.05, "min_lr": 0.0005,
                                                            "warmup_steps": 5, "gamma": 0.5}, [0.01], "Adam", ADAM, steps=48),
        # no warmup: min_lr right after construction, the peak from step 1 on (the reference's init_lr)
        record("warmup_restarts_no_warmup_defaults", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 6}, [0.3],
               steps=14),
        # per-group max_lr / min_lr, cycle_mult 1.5 truncated to whole steps (8, 11, 15)
        record("warmup_restarts_per_group_lists", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 8,
                                                   "cycle_mult": 1.5, "max_lr": [0.1, 0.01], "min_lr": [0.001, 0.0001],
                                                   "warmup_steps": 2, "gamma": 0.8}, [0.1, 0.1], steps=36),
        # the reference's step(epoch), fractional epochs too
        record("warmup_restarts_explicit_epochs", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 8, "max_lr": 0.1,
                                                   "min_lr": 0.01, "warmup_steps": 2, "gamma": 0.5}, [0.1],
               epochs=[0.5, 1.0, 3.25, 7.9, 8.0, 9.5, 17.0, 4.0, 30.25]),
        record("warmup_restarts_explicit_epochs_mult_2", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 4,
                                                          "cycle_mult": 2.0, "warmup_steps": 1, "gamma": 0.7}, [0.1],
               epochs=[1.0, 3.5, 4.0, 6.0, 11.0, 12.0, 27.5, 2.0, 40.0]),
        # inside SequentialLR: first (its undo keeps step_in_cycle, so it goes on from step 1) and after a milestone
        record("sequential_warmup_restarts_then_exponential", {"type": "SequentialLR", "milestones": [12], "schedulers": [
            {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 10, "warmup_steps": 3, "max_lr": 0.1, "min_lr": 0.01},
            {"type": "ExponentialLR", "gamma": 0.8}]}, [0.05], steps=16),
        record("sequential_constant_then_warmup_restarts", {"type": "SequentialLR", "milestones": [3], "schedulers": [
            {"type": "ConstantLR", "factor": 0.5, "total_iters": 5},
            {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 5, "warmup_steps": 2, "gamma": 0.5}]}, [0.05], steps=14),
        # built at last_epoch = k: min_lr at construction, one wrap per step while it catches up
        record("warmup_restarts_resumed_in_first_cycle", dict(seed, first_cycle_steps=10, warmup_steps=3, last_epoch=5), [0.1],
               steps=12),
        record("warmup_restarts_resumed_past_two_cycles", {"type": "CosineAnnealingWarmupRestarts", "first_cycle_steps": 6,
                                                           "warmup_steps": 2, "gamma": 0.5, "last_epoch": 14}, [0.1], steps=12),
    ]
    # last_epoch = k: PyTorch's resume by position (module comment), 2.x's numbers.
    files["last_epoch"] = [
        record("step_lr_resumed_at_4", {"type": "StepLR", "step_size": 2, "gamma": 0.5, "last_epoch": 4}, [0.1, 0.02], steps=6),
        record("step_lr_resumed_at_3", {"type": "StepLR", "step_size": 2, "gamma": 0.5, "last_epoch": 3}, [0.1], steps=6),
        record("multistep_lr_resumed", {"type": "MultiStepLR", "milestones": [2, 5, 5, 8], "gamma": 0.3, "last_epoch": 4}, [0.1],
               steps=7),
        record("cosine_lr_resumed", {"type": "CosineAnnealingLR", "T_max": 10, "eta_min": 0.001, "last_epoch": 6}, [0.1, 0.05],
               steps=18),
        record("lambda_lr_resumed", {"type": "LambdaLR", "lr_lambda": "decay_95", "last_epoch": 5}, [0.1], steps=6),
        record("lambda_lr_per_group_resumed", {"type": "LambdaLR", "lr_lambda": ["inverse", "halve_every_3"], "last_epoch": 2},
               [0.1, 0.02], steps=6),
        record("one_cycle_resumed", {"type": "OneCycleLR", "max_lr": 0.1, "total_steps": 20, "last_epoch": 7}, [0.01], "SGD", SGD_M,
               steps=12),
        record("one_cycle_adam_resumed", {"type": "OneCycleLR", "max_lr": [0.003, 0.001], "total_steps": 16, "three_phase": True,
                                          "last_epoch": 3}, [0.001, 0.001], "Adam", ADAM, steps=12),
        record("constant_lr_resumed", {"type": "ConstantLR", "factor": 0.5, "total_iters": 4, "last_epoch": 2}, [0.1], steps=5),
        record("linear_lr_resumed", {"type": "LinearLR", "start_factor": 0.25, "total_iters": 6, "last_epoch": 2}, [0.1], steps=7),
        record("exponential_lr_resumed", {"type": "ExponentialLR", "gamma": 0.9, "last_epoch": 3}, [0.1], steps=5),
        record("polynomial_lr_resumed", {"type": "PolynomialLR", "total_iters": 8, "power": 2.0, "last_epoch": 2}, [0.1], steps=8),
        record("warm_restarts_resumed_past_two_cycles", {"type": "CosineAnnealingWarmRestarts", "T_0": 4, "eta_min": 0.001,
                                                         "last_epoch": 9}, [0.1], steps=10),
        record("warm_restarts_tmult_2_resumed", {"type": "CosineAnnealingWarmRestarts", "T_0": 3, "T_mult": 2, "last_epoch": 7},
               [0.1, 0.05], steps=16),
        record("warm_restarts_resumed_in_first_cycle", {"type": "CosineAnnealingWarmRestarts", "T_0": 6, "last_epoch": 2}, [0.1],
               steps=8),
        record("swalr_resumed", {"type": "SWALR", "swa_lr": 0.02, "anneal_epochs": 6, "last_epoch": 2}, [0.1], steps=8),
        record("tf_cosine_with_warmup_resumed", {"type": "CosineWithWarmupLR", "num_warmup_steps": 3, "num_training_steps": 15,
                                                 "last_epoch": 4}, [0.1, 0.3], steps=10),
        record("tf_linear_with_warmup_resumed_in_warmup", {"type": "LinearWithWarmupLR", "num_warmup_steps": 5,
                                                           "num_training_steps": 12, "last_epoch": 2}, [0.1], steps=11),
        record("multiplicative_lr_resumed", {"type": "MultiplicativeLR", "lr_lambda": "alternate", "last_epoch": 3}, [0.1],
               steps=5),
    ]
    # torch.optim.swa_utils.SWALR: 1.13's get_lr is the same as 2.x's.
    files["swalr"] = [
        record("swalr_cos", {"type": "SWALR", "swa_lr": 0.05, "anneal_epochs": 5}, [0.5, 0.1], steps=9),
        record("swalr_linear_per_group", {"type": "SWALR", "swa_lr": [0.02, 0.001], "anneal_epochs": 3,
                                          "anneal_strategy": "linear"}, [0.2, 0.01], optimizer="Adam", optimizer_kwargs=ADAM,
               steps=6),
        record("swalr_no_anneal", {"type": "SWALR", "swa_lr": 0.01, "anneal_epochs": 0}, [0.1], steps=4),
        record("swalr_default_anneal", {"type": "SWALR", "swa_lr": 0.3}, [0.1], optimizer_kwargs=SGD_M, steps=12),
        record("chained_exponential_then_swalr", {"type": "ChainedScheduler", "schedulers": [
            {"type": "ExponentialLR", "gamma": 0.9}, {"type": "SWALR", "swa_lr": 0.02, "anneal_epochs": 4}]}, [0.1], steps=8),
        # PyTorch's SWA recipe in one schedule: the usual one until swa_start, then SWALR. SWALR has no closed
        # form and counts its own steps (_step_count, which SequentialLR's undo leaves alone), so the step(0)
        # at the milestone is its second step: it anneals from the lr the first schedule reached.
        record("sequential_cosine_then_swalr", {"type": "SequentialLR", "milestones": [5], "schedulers": [
            {"type": "CosineAnnealingLR", "T_max": 8}, {"type": "SWALR", "swa_lr": 0.01, "anneal_epochs": 2}]}, [0.05],
               optimizer_kwargs=SGD_M, steps=9),
        record("sequential_constant_then_swalr_linear", {"type": "SequentialLR", "milestones": [2], "schedulers": [
            {"type": "ConstantLR", "factor": 0.5, "total_iters": 1},
            {"type": "SWALR", "swa_lr": [0.02, 0.001], "anneal_epochs": 3, "anneal_strategy": "linear"}]}, [0.2, 0.01],
               steps=8),
    ]
    return files


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in cases().items():
        path = os.path.join(OUT, name + ".json")
        with open(path, "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        print("wrote", os.path.normpath(path), len(data), "cases")


if __name__ == "__main__":
    main()
