#!/usr/bin/python3
"""Records the optimizer conformance fixtures from PyTorch (schema: shared/conformance/SCHEMA.md).

Run with Debian's python3-torch (torch 1.13):
    /usr/bin/python3 runtime/src/test/python/record_optimizer_fixtures.py
It writes one JSON file per optimizer into runtime/src/test/resources/conformance/optimizers/.

Everything runs in float64. Initial values and gradients are float32-representable, so the
runtime (which stores float32) starts from exactly the recorded numbers.

Where PyTorch 2.x differs from 1.13 we record 2.x behaviour, emulated here in float64:
  * NAdam: 1.13 computes mu_product_next = mu_product * mu * mu_next (a bug fixed in 2.x, which uses
    mu_product * mu_next), so NAdam is the float64 re-implementation `NAdam2x` below, written from
    2.x's _single_tensor_nadam (with maximize and decoupled_weight_decay).
  * `maximize` on RAdam (absent in 1.13): 2.x negates the gradient first, so we feed
    the negated gradient to the 1.13 optimizer.
  * `decoupled_weight_decay` on Adam and RAdam (2.x only): 2.x multiplies the parameter by
    (1 - lr * weight_decay) before the rest of the update, which then sees no weight decay; we do
    exactly that (only for parameters that have a gradient) and run 1.13 with weight_decay=0.
  * SGD's default lr (2.x: 1e-3; 1.13 requires lr): every SGD case passes lr explicitly.
LAMB, LARS and LayerAdaptiveAdam are not in torch; their float64 references are below:
  * Lamb: the paper's Algorithm 2 (You et al. 2019, "Large Batch Optimization for Deep
    Learning"), equal to timm's Lamb with max_grad_norm=None, grad_averaging=True,
    trust_clip=False and always_adapt=True.
  * Lars: timm's Lars (timm/optim/lars.py), kwargs lr, momentum, dampening, weight_decay, nesterov,
    trust_coefficient (timm's trust_coeff), eps, trust_clip, always_adapt.
  * LayerAdaptiveAdam: m, v as Adam without bias correction; per tensor
    step = lr * trust_coefficient * mean(|m| / (sqrt(v) + eps)) (trust_coefficient defaults to 1);
    p -= step * m. weight_decay adds wd * p to the
    gradient (L2, as Adam).
  * Adafactor and Muon (2.5+ and 2.9, absent in 1.13): `Adafactor2x` and `Muon2x` below are
    float64 re-implementations of 2.9's _single_tensor_adafactor and _single_tensor_muon. Two
    choices: Adafactor's eps1=None is float32's machine epsilon (PyTorch takes it from the
    parameter's dtype, and Anneal's parameters are float32); Muon's Newton-Schulz iterations run in
    float64 where PyTorch casts to bfloat16 (Anneal computes the exact iteration in double).
    Their cases carry an extra key `shapes` (each parameter's shape; `initial` stays flat, row-major).
LBFGS cases carry an extra key `closure` (a loss the runner evaluates itself); `grads` then holds
the gradient the closure gave at the start of each step, for reference only.
"""
import inspect
import json
import math
import os
import zlib

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "optimizers")


def f32_values(gen, n, scale=1.0):
    return (torch.randn(n, generator=gen, dtype=torch.float32) * scale).to(torch.float64).tolist()


# ----------------------------------------------------------------------------- custom references
class Lamb(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=0.0, bias_correction=True,
                 trust_coefficient=1.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      bias_correction=bias_correction, trust_coefficient=trust_coefficient))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v, g = state["exp_avg"], state["exp_avg_sq"], p.grad
                m.mul_(beta1).add_(g, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
                bc1 = 1 - beta1 ** t if group["bias_correction"] else 1.0
                bc2 = 1 - beta2 ** t if group["bias_correction"] else 1.0
                update = (m / bc1) / ((v / bc2).sqrt() + group["eps"])
                if group["weight_decay"] != 0:
                    update.add_(p, alpha=group["weight_decay"])
                w_norm = p.norm(2.0)
                u_norm = update.norm(2.0)
                trust = (group["trust_coefficient"] * w_norm / u_norm).item() if w_norm > 0 and u_norm > 0 else 1.0
                p.add_(update, alpha=-group["lr"] * trust)


class Lars(torch.optim.Optimizer):
    def __init__(self, params, lr=1.0, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
                 trust_coefficient=0.001, eps=1e-8, trust_clip=False, always_adapt=False):
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                                      nesterov=nesterov, trust_coefficient=trust_coefficient, eps=eps,
                                      trust_clip=trust_clip, always_adapt=always_adapt))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            wd, momentum, damp = group["weight_decay"], group["momentum"], group["dampening"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad
                if wd != 0 or group["always_adapt"]:
                    w_norm = p.norm(2.0)
                    g_norm = grad.norm(2.0)
                    trust = group["trust_coefficient"] * w_norm / (g_norm + w_norm * wd + group["eps"])
                    trust = torch.where(w_norm > 0, torch.where(g_norm > 0, trust, torch.ones_like(trust)),
                                        torch.ones_like(trust))
                    if group["trust_clip"]:
                        trust = torch.clamp(trust / group["lr"], max=1.0)
                    grad = grad.add(p, alpha=wd)
                    grad = grad.mul(trust)
                if momentum != 0:
                    state = self.state[p]
                    if "momentum_buffer" not in state:
                        buf = state["momentum_buffer"] = torch.clone(grad).detach()
                    else:
                        buf = state["momentum_buffer"]
                        buf.mul_(momentum).add_(grad, alpha=1.0 - damp)
                    grad = grad.add(buf, alpha=momentum) if group["nesterov"] else buf
                p.add_(grad, alpha=-group["lr"])


class LayerAdaptiveAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, trust_coefficient=1.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      trust_coefficient=trust_coefficient))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                g = p.grad
                if group["weight_decay"] != 0:
                    g = g.add(p, alpha=group["weight_decay"])
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(g, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
                step = group["lr"] * group["trust_coefficient"] * (m.abs() / (v.sqrt() + group["eps"])).mean().item()
                p.add_(m, alpha=-step)


class NAdam2x(torch.optim.Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, maximize=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay, decoupled_weight_decay=decoupled_weight_decay,
                                      maximize=maximize))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, wd, eps, md = group["lr"], group["weight_decay"], group["eps"], group["momentum_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = -p.grad if group["maximize"] else p.grad
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["mu_product"] = 1.0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                step = state["step"]
                bias_correction2 = 1 - beta2 ** step
                if wd != 0:
                    if group["decoupled_weight_decay"]:
                        p.mul_(1 - lr * wd)
                    else:
                        grad = grad.add(p, alpha=wd)
                mu = beta1 * (1. - 0.5 * (0.96 ** (step * md)))
                mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * md)))
                state["mu_product"] *= mu
                mu_product = state["mu_product"]
                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                exp_avg.lerp_(grad, 1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = exp_avg_sq.div(bias_correction2).sqrt().add(eps)
                mu_product_next = mu_product * mu_next
                p.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product)))
                p.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


class Adafactor2x(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0, weight_decay=0.0, maximize=False):
        super().__init__(params, dict(lr=lr, beta2_decay=beta2_decay, eps=eps, d=d, weight_decay=weight_decay,
                                      maximize=maximize))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            eps1, eps2 = group["eps"]
            if eps1 is None:
                eps1 = torch.finfo(torch.float32).eps
            lr, d, wd = group["lr"], group["d"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = -p.grad if group["maximize"] else p.grad
                state = self.state[p]
                if not state:
                    state["step"] = 0.0
                    if grad.dim() > 1:
                        row_shape = list(grad.shape)
                        row_shape[-1] = 1
                        col_shape = list(grad.shape)
                        col_shape[-2] = 1
                        state["row_var"] = grad.new_zeros(row_shape)
                        state["col_var"] = grad.new_zeros(col_shape)
                    else:
                        state["variance"] = torch.zeros_like(grad)
                state["step"] += 1
                step = state["step"]
                one_minus_beta2_t = step ** group["beta2_decay"]
                rho_t = min(lr, 1 / (step ** 0.5))
                alpha = max(eps2, p.norm(2).item() / (p.numel() ** 0.5)) * rho_t
                if wd != 0:
                    p.mul_(1 - lr * wd)
                if grad.dim() > 1:
                    row_mean = torch.linalg.vector_norm(grad, dim=-1, keepdim=True).square_().div_(grad.size(-1))
                    state["row_var"].lerp_(row_mean, one_minus_beta2_t)
                    col_mean = torch.linalg.vector_norm(grad, dim=-2, keepdim=True).square_().div_(grad.size(-2))
                    state["col_var"].lerp_(col_mean, one_minus_beta2_t)
                    var_estimate = state["row_var"] @ state["col_var"]
                    var_estimate.div_(state["row_var"].mean(dim=-2, keepdim=True).clamp_(min=eps1))
                else:
                    state["variance"].lerp_(grad * grad, one_minus_beta2_t)
                    var_estimate = state["variance"].clone()
                update = var_estimate.clamp_(min=eps1 * eps1).rsqrt_()
                update.mul_(grad)
                denom = max(1.0, update.norm(2).item() / ((update.numel() ** 0.5) * d))
                p.add_(update, alpha=-alpha / denom)


class Muon2x(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, weight_decay=0.1, momentum=0.95, nesterov=True,
                 ns_coefficients=(3.4445, -4.7750, 2.0315), eps=1e-7, ns_steps=5, adjust_lr_fn=None):
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay, momentum=momentum, nesterov=nesterov,
                                      ns_coefficients=ns_coefficients, eps=eps, ns_steps=ns_steps,
                                      adjust_lr_fn=adjust_lr_fn))

    @staticmethod
    def newton_schulz(grad, coefficients, steps, eps):
        a, b, c = coefficients
        ortho = grad.clone()  # 2.9 casts to bfloat16 here; float64 in this emulation
        if grad.size(0) > grad.size(1):
            ortho = ortho.T
        ortho = ortho / ortho.norm().clamp(min=eps)
        for _ in range(steps):
            gram = ortho @ ortho.T
            gram_update = b * gram + c * gram @ gram
            ortho = a * ortho + gram_update @ ortho
        if grad.size(0) > grad.size(1):
            ortho = ortho.T
        return ortho

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, wd, momentum = group["lr"], group["weight_decay"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(grad)
                buf = state["momentum_buffer"]
                buf.lerp_(grad, 1 - momentum)
                update = grad.lerp(buf, momentum) if group["nesterov"] else buf
                update = Muon2x.newton_schulz(update, group["ns_coefficients"], group["ns_steps"], group["eps"])
                A, B = p.shape[:2]
                fn = group["adjust_lr_fn"]
                ratio = math.sqrt(max(1, A / B)) if fn is None or fn == "original" else 0.2 * math.sqrt(max(A, B))
                p.mul_(1 - lr * wd)
                p.add_(update, alpha=-lr * ratio)


CUSTOM = {"Adafactor": Adafactor2x, "Muon": Muon2x, "NAdam": NAdam2x, "LAMB": Lamb, "LARS": Lars, "LayerAdaptiveAdam": LayerAdaptiveAdam}
DECOUPLED_2X = {"Adam", "RAdam"}


def optimizer_class(name):
    return CUSTOM.get(name) or getattr(torch.optim, name)


def defaults_of(cls):
    return {k: v.default for k, v in inspect.signature(cls.__init__).parameters.items()
            if v.default is not inspect.Parameter.empty}


# ----------------------------------------------------------------------------- recording
def record(name, optimizer, kwargs, sizes=(4, 3), steps=5, group_kwargs=None, nulls=(), zeros=(), grad_scale=1.0,
           shapes=None):
    """nulls: (step, param) pairs without a gradient; zeros: (step, param, index) exact zero gradients;
    shapes: each parameter's shape (sizes then follow from it), written under the extra key `shapes`."""
    if shapes is not None:
        sizes = [math.prod(s) for s in shapes]
    gen = torch.Generator().manual_seed(zlib.crc32((optimizer + name).encode()))
    initial = [f32_values(gen, n) for n in sizes]
    grads = []
    for s in range(steps):
        row = []
        for i, n in enumerate(sizes):
            if (s, i) in nulls:
                row.append(None)
            else:
                g = f32_values(gen, n, grad_scale)
                for (zs, zi, zk) in zeros:
                    if zs == s and zi == i:
                        g[zk] = 0.0
                row.append(g)
        grads.append(row)

    cls = optimizer_class(optimizer)
    accepted = defaults_of(cls)
    torch_kwargs = dict(kwargs)
    emulate_maximize = torch_kwargs.get("maximize", False) and "maximize" not in accepted
    torch_kwargs.pop("maximize", None) if "maximize" not in accepted else None
    decoupled = optimizer in DECOUPLED_2X and torch_kwargs.pop("decoupled_weight_decay", False)
    torch_group_kwargs = None if group_kwargs is None else [dict(g) for g in group_kwargs]
    if torch_group_kwargs:
        for g in torch_group_kwargs:
            if "maximize" not in accepted and g.pop("maximize", False):
                raise ValueError("per-group maximize emulation not supported")

    params = [torch.tensor(v, requires_grad=True) for v in initial]
    if shapes is not None:
        params = [torch.tensor(v).reshape(s).requires_grad_() for v, s in zip(initial, shapes)]
    merged = dict(defaults_of(cls))
    merged.update(kwargs)
    group_hp = [dict(merged, **(group_kwargs[i] if group_kwargs else {})) for i in range(len(params))]
    if decoupled:
        torch_kwargs["weight_decay"] = 0.0
        if torch_group_kwargs:
            for g in torch_group_kwargs:
                g["weight_decay"] = 0.0
    if torch_group_kwargs is None:
        opt = cls(params, **torch_kwargs)
    else:
        opt = cls([dict(params=[p], **g) for p, g in zip(params, torch_group_kwargs)], **torch_kwargs)

    trace = []
    for row in grads:
        for i, (p, g) in enumerate(zip(params, row)):
            if g is None:
                p.grad = None
            else:
                t = torch.tensor(g).reshape(p.shape)
                p.grad = -t if emulate_maximize else t
                if decoupled:
                    with torch.no_grad():
                        p.mul_(1 - group_hp[i]["lr"] * group_hp[i].get("weight_decay", 0.0))
        opt.step()
        trace.append([p.detach().reshape(-1).tolist() for p in params])
    case = {"name": name, "optimizer": optimizer, "kwargs": kwargs, "group_kwargs": group_kwargs,
            "initial": initial, "grads": grads, "params_after_each_step": trace}
    if shapes is not None:
        case["shapes"] = [list(s) for s in shapes]
    return case


def quartic(params, a, c):
    """loss = sum 0.5*a*(x-c)^2 + 0.1*(x-c)^4 over every parameter; the runner evaluates the same."""
    loss = 0.0
    for p, ai, ci in zip(params, a, c):
        d = p - torch.tensor(ci)
        loss = loss + (0.5 * torch.tensor(ai) * d * d + 0.1 * d ** 4).sum()
    return loss


def record_lbfgs(name, kwargs, sizes=(4, 3), steps=3):
    gen = torch.Generator().manual_seed(zlib.crc32(("LBFGS" + name).encode()))
    initial = [f32_values(gen, n) for n in sizes]
    a = [[abs(x) + 0.5 for x in f32_values(gen, n)] for n in sizes]
    c = [f32_values(gen, n) for n in sizes]
    params = [torch.tensor(v, requires_grad=True) for v in initial]
    opt = torch.optim.LBFGS(params, **kwargs)
    first_grads = []

    def closure():
        opt.zero_grad()
        loss = quartic(params, a, c)
        loss.backward()
        return loss

    trace = []
    for _ in range(steps):
        with torch.enable_grad():
            closure()
        first_grads.append([p.grad.tolist() for p in params])
        opt.step(closure)
        trace.append([p.detach().tolist() for p in params])
    return {"name": name, "optimizer": "LBFGS", "kwargs": kwargs, "group_kwargs": None, "initial": initial,
            "closure": {"kind": "quartic", "a": a, "c": c}, "grads": first_grads,
            "params_after_each_step": trace}


NULLS = {(1, 0), (3, 1)}
GROUPS2 = [{"lr": 0.05}, {"lr": 0.2, "weight_decay": 0.0}]


def cases():
    out = {}
    out["SGD"] = [
        record("plain", "SGD", {"lr": 0.1}),
        record("momentum", "SGD", {"lr": 0.1, "momentum": 0.9}),
        record("momentum_dampening", "SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.3}),
        record("nesterov", "SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True}),
        record("weight_decay", "SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}),
        record("maximize", "SGD", {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.1, "maximize": True}),
        record("null_grads", "SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.05}, nulls=NULLS),
        record("groups", "SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01},
               group_kwargs=[{"lr": 0.05, "nesterov": True}, {"momentum": 0.5, "dampening": 0.5}], nulls={(2, 1)}),
    ]
    out["Adam"] = [
        record("defaults", "Adam", {}),
        record("implementation_flags_ignored", "Adam", {"lr": 0.01, "foreach": False, "fused": False}),
        record("lr_betas_eps", "Adam", {"lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-6}),
        record("weight_decay", "Adam", {"lr": 0.01, "weight_decay": 0.1}),
        record("amsgrad", "Adam", {"lr": 0.01, "amsgrad": True}, steps=6, grad_scale=2.0),
        record("maximize", "Adam", {"lr": 0.01, "maximize": True, "weight_decay": 0.05}),
        record("decoupled_weight_decay", "Adam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}),
        record("null_grads", "Adam", {"lr": 0.01, "weight_decay": 0.1}, nulls=NULLS),
        record("groups", "Adam", {"lr": 0.01, "weight_decay": 0.01},
               group_kwargs=[{"lr": 0.05, "amsgrad": True}, {"betas": [0.5, 0.9], "weight_decay": 0.0}], nulls={(2, 0)}),
    ]
    out["AdamW"] = [
        record("defaults", "AdamW", {}),
        record("weight_decay", "AdamW", {"lr": 0.01, "weight_decay": 0.1, "betas": [0.85, 0.98]}),
        record("amsgrad", "AdamW", {"lr": 0.01, "amsgrad": True}, steps=6, grad_scale=2.0),
        record("maximize", "AdamW", {"lr": 0.01, "maximize": True}),
        record("null_grads", "AdamW", {"lr": 0.01, "weight_decay": 0.1}, nulls=NULLS),
        record("groups", "AdamW", {"lr": 0.01}, group_kwargs=GROUPS2, nulls={(2, 1)}),
    ]
    out["Adagrad"] = [
        record("defaults", "Adagrad", {}),
        record("lr_decay", "Adagrad", {"lr": 0.1, "lr_decay": 0.05}),
        record("initial_accumulator_value", "Adagrad", {"lr": 0.1, "initial_accumulator_value": 0.5, "eps": 1e-6}),
        record("weight_decay", "Adagrad", {"lr": 0.1, "weight_decay": 0.1}),
        record("maximize", "Adagrad", {"lr": 0.1, "maximize": True}),
        record("null_grads", "Adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.1}, nulls=NULLS),
        record("groups", "Adagrad", {"lr": 0.1}, group_kwargs=[{"lr_decay": 0.1}, {"lr": 0.3, "weight_decay": 0.1}]),
    ]
    out["RMSprop"] = [
        record("defaults", "RMSprop", {}),
        record("alpha_eps", "RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6}),
        record("centered", "RMSprop", {"lr": 0.01, "centered": True}),
        record("momentum", "RMSprop", {"lr": 0.01, "momentum": 0.9}),
        record("centered_momentum", "RMSprop", {"lr": 0.01, "centered": True, "momentum": 0.5, "weight_decay": 0.1}),
        record("maximize", "RMSprop", {"lr": 0.01, "maximize": True, "momentum": 0.3}),
        record("null_grads", "RMSprop", {"lr": 0.01, "momentum": 0.9, "centered": True}, nulls=NULLS),
        record("groups", "RMSprop", {"lr": 0.01}, group_kwargs=[{"centered": True}, {"momentum": 0.9, "lr": 0.02}]),
    ]
    out["Adadelta"] = [
        record("defaults", "Adadelta", {}),
        record("rho_eps_lr", "Adadelta", {"lr": 0.5, "rho": 0.8, "eps": 1e-4}),
        record("weight_decay", "Adadelta", {"weight_decay": 0.1}),
        record("maximize", "Adadelta", {"maximize": True}),
        record("null_grads", "Adadelta", {"weight_decay": 0.1}, nulls=NULLS),
        record("groups", "Adadelta", {}, group_kwargs=[{"rho": 0.5}, {"lr": 0.1, "weight_decay": 0.1}]),
    ]
    out["Adamax"] = [
        record("defaults", "Adamax", {}),
        record("betas_eps", "Adamax", {"lr": 0.01, "betas": [0.8, 0.9], "eps": 1e-4}),
        record("weight_decay", "Adamax", {"lr": 0.01, "weight_decay": 0.1}),
        record("maximize", "Adamax", {"lr": 0.01, "maximize": True}),
        record("null_grads", "Adamax", {"lr": 0.01}, nulls=NULLS),
        record("groups", "Adamax", {"lr": 0.01}, group_kwargs=GROUPS2),
    ]
    out["Adafactor"] = [
        record("defaults", "Adafactor", {}, shapes=[(3, 4), (5,)]),
        record("lr_weight_decay", "Adafactor", {"lr": 0.05, "weight_decay": 0.1}, shapes=[(3, 4), (5,)]),
        record("eps_d_beta2_decay", "Adafactor", {"eps": [1e-6, 1e-2], "d": 2.0, "beta2_decay": -0.5},
               shapes=[(4, 3), (6,)]),
        record("three_dims", "Adafactor", {"lr": 0.02}, shapes=[(2, 3, 2), (3, 1)]),
        record("maximize", "Adafactor", {"maximize": True}, shapes=[(3, 4), (5,)]),
        record("null_grads", "Adafactor", {}, shapes=[(3, 4), (5,)], nulls=NULLS),
        record("groups", "Adafactor", {}, shapes=[(3, 4), (5,)], group_kwargs=GROUPS2),
    ]
    out["Muon"] = [
        record("defaults", "Muon", {}, shapes=[(3, 4), (5, 2)]),
        record("lr_weight_decay", "Muon", {"lr": 0.02, "weight_decay": 0.05}, shapes=[(3, 4), (5, 2)]),
        record("no_nesterov", "Muon", {"lr": 0.02, "nesterov": False, "momentum": 0.9}, shapes=[(4, 4), (2, 3)]),
        record("match_rms_adamw", "Muon", {"lr": 0.02, "adjust_lr_fn": "match_rms_adamw", "ns_steps": 3},
               shapes=[(3, 4), (5, 2)]),
        record("coefficients", "Muon", {"lr": 0.02, "ns_coefficients": [2.0, -1.5, 0.5], "eps": 1e-5},
               shapes=[(3, 4), (5, 2)]),
        record("null_grads", "Muon", {"lr": 0.02}, shapes=[(3, 4), (5, 2)], nulls=NULLS),
        record("groups", "Muon", {"lr": 0.02}, shapes=[(3, 4), (5, 2)], group_kwargs=GROUPS2),
    ]
    out["NAdam"] = [
        record("defaults", "NAdam", {}),
        record("momentum_decay", "NAdam", {"lr": 0.01, "momentum_decay": 0.01, "betas": [0.8, 0.99]}),
        record("weight_decay", "NAdam", {"lr": 0.01, "weight_decay": 0.1}),
        record("decoupled_weight_decay", "NAdam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}),
        record("maximize", "NAdam", {"lr": 0.01, "maximize": True}),
        record("null_grads", "NAdam", {"lr": 0.01}, nulls=NULLS),
        record("groups", "NAdam", {"lr": 0.01}, group_kwargs=GROUPS2),
    ]
    out["RAdam"] = [
        record("defaults", "RAdam", {}, steps=8),
        record("betas", "RAdam", {"lr": 0.01, "betas": [0.8, 0.9]}, steps=8),
        record("weight_decay", "RAdam", {"lr": 0.01, "weight_decay": 0.1}, steps=8),
        record("decoupled_weight_decay", "RAdam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}, steps=8),
        record("maximize", "RAdam", {"lr": 0.01, "maximize": True}, steps=8),
        record("null_grads", "RAdam", {"lr": 0.01}, steps=8, nulls=NULLS),
        record("groups", "RAdam", {"lr": 0.01}, steps=8, group_kwargs=GROUPS2),
    ]
    zeros = {(1, 0, 0), (2, 0, 0), (2, 1, 2)}
    out["Rprop"] = [
        record("defaults", "Rprop", {}, steps=6, zeros=zeros),
        record("etas", "Rprop", {"lr": 0.05, "etas": [0.3, 1.5]}, steps=6, zeros=zeros),
        record("step_sizes", "Rprop", {"lr": 0.1, "step_sizes": [0.01, 0.15]}, steps=6, zeros=zeros),
        record("maximize", "Rprop", {"lr": 0.05, "maximize": True}, steps=6),
        record("null_grads", "Rprop", {"lr": 0.05}, steps=6, nulls=NULLS),
        record("groups", "Rprop", {"lr": 0.05}, steps=6, group_kwargs=[{"etas": [0.4, 1.1]}, {"lr": 0.1}]),
    ]
    out["ASGD"] = [
        record("defaults", "ASGD", {}),
        record("averaging_starts", "ASGD", {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 2.0}, steps=6),
        record("weight_decay", "ASGD", {"lr": 0.05, "weight_decay": 0.1, "lambd": 0.1}),
        record("maximize", "ASGD", {"lr": 0.05, "maximize": True}),
        record("null_grads", "ASGD", {"lr": 0.05, "lambd": 0.05}, nulls=NULLS),
        record("groups", "ASGD", {"lr": 0.05}, group_kwargs=[{"lambd": 0.1}, {"lr": 0.1, "alpha": 0.5}]),
    ]
    out["LAMB"] = [
        record("defaults", "LAMB", {}),
        record("weight_decay", "LAMB", {"lr": 0.01, "weight_decay": 0.1, "betas": [0.8, 0.99], "eps": 1e-8}),
        record("no_bias_correction", "LAMB", {"lr": 0.01, "bias_correction": False}),
        record("trust_coefficient", "LAMB", {"lr": 0.01, "weight_decay": 0.01, "trust_coefficient": 0.5}),
        record("null_grads", "LAMB", {"lr": 0.01, "weight_decay": 0.01}, nulls=NULLS),
        record("groups", "LAMB", {"lr": 0.01}, group_kwargs=[{"weight_decay": 0.1}, {"lr": 0.05}]),
    ]
    out["LARS"] = [
        record("defaults", "LARS", {"lr": 0.1}),
        record("weight_decay_momentum", "LARS", {"lr": 0.5, "momentum": 0.9, "weight_decay": 0.01}),
        record("nesterov", "LARS", {"lr": 0.5, "momentum": 0.9, "nesterov": True, "weight_decay": 0.05,
                                    "trust_coefficient": 0.02}),
        record("dampening_always_adapt", "LARS", {"lr": 0.5, "momentum": 0.9, "dampening": 0.2, "always_adapt": True}),
        record("trust_clip", "LARS", {"lr": 0.1, "weight_decay": 0.01, "trust_clip": True, "trust_coefficient": 0.1,
                                      "eps": 1e-6}),
        record("null_grads", "LARS", {"lr": 0.5, "momentum": 0.9, "weight_decay": 0.01}, nulls=NULLS),
        record("groups", "LARS", {"lr": 0.5, "momentum": 0.9},
               group_kwargs=[{"weight_decay": 0.01}, {"lr": 0.1, "always_adapt": True}]),
    ]
    out["LayerAdaptiveAdam"] = [
        record("defaults", "LayerAdaptiveAdam", {}),
        record("betas_eps", "LayerAdaptiveAdam", {"lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-6}),
        record("weight_decay", "LayerAdaptiveAdam", {"lr": 0.01, "weight_decay": 0.1}),
        record("trust_coefficient", "LayerAdaptiveAdam", {"lr": 0.01, "trust_coefficient": 2.0}),
        record("null_grads", "LayerAdaptiveAdam", {"lr": 0.01}, nulls=NULLS),
        record("groups", "LayerAdaptiveAdam", {"lr": 0.01}, group_kwargs=GROUPS2),
    ]
    out["LBFGS"] = [
        record_lbfgs("fixed_step", {"lr": 0.1, "max_iter": 4}),
        record_lbfgs("defaults", {}),
        record_lbfgs("strong_wolfe", {"lr": 1.0, "max_iter": 6, "line_search_fn": "strong_wolfe"}),
        record_lbfgs("history_size", {"lr": 0.5, "max_iter": 8, "history_size": 3, "line_search_fn": "strong_wolfe"},
                     steps=2),
        record_lbfgs("max_eval_tolerances", {"lr": 1.0, "max_iter": 10, "max_eval": 6, "tolerance_grad": 1e-3,
                                             "tolerance_change": 1e-4, "line_search_fn": "strong_wolfe"}, steps=4),
        record_lbfgs("fixed_step_tolerances", {"lr": 0.2, "max_iter": 12, "tolerance_grad": 1e-2,
                                               "tolerance_change": 1e-3}, steps=4),
    ]
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    for optimizer, recorded in cases().items():
        path = os.path.join(OUT, optimizer.lower() + ".json")
        with open(path, "w") as f:
            json.dump(recorded, f, indent=1)
            f.write("\n")
        print("wrote", os.path.relpath(path), len(recorded), "cases")


if __name__ == "__main__":
    main()
