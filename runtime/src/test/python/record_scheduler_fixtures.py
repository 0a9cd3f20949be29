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
    if kind == "SequentialLR":
        return S.SequentialLR(optimizer, [build(c, optimizer) for c in children], **spec)
    if kind == "ChainedScheduler":
        return S.ChainedScheduler([build(c, optimizer) for c in children])
    if kind == "CyclicLR" and isinstance(spec.get("scale_fn"), str):
        spec["scale_fn"] = SCALE_FNS[spec["scale_fn"]]
    if kind in ("LambdaLR", "MultiplicativeLR"):
        names = spec["lr_lambda"]
        spec["lr_lambda"] = [LR_LAMBDAS[n] for n in names] if isinstance(names, list) else LR_LAMBDAS[names]
    cls = getattr(S, kind)
    return cls(optimizer, **spec)


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
    sched = build(spec, opt)
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
    ]
    files["chained_scheduler"] = [
        record("chained_docs_example", {"type": "ChainedScheduler", "schedulers": [
            {"type": "ConstantLR", "factor": 0.1, "total_iters": 2}, {"type": "ExponentialLR", "gamma": 0.9}]}, [1.0], steps=8),
        record("chained_cosine_step_linear", {"type": "ChainedScheduler", "schedulers": [
            {"type": "CosineAnnealingLR", "T_max": 10, "eta_min": 0.001},
            {"type": "StepLR", "step_size": 4, "gamma": 0.5},
            {"type": "LinearLR", "start_factor": 0.5, "total_iters": 3}]}, [0.1, 0.2], steps=25),
        record("chained_multistep_polynomial", {"type": "ChainedScheduler", "schedulers": [
            {"type": "MultiStepLR", "milestones": [2, 2, 6], "gamma": 0.5},
            {"type": "PolynomialLR", "total_iters": 8, "power": 1.5}]}, [0.1], steps=12),
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
