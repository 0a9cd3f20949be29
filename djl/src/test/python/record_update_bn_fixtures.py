#!/usr/bin/python3
"""Records the fixtures of torch.optim.swa_utils.update_bn for UpdateBnTest (djl module).

Run with Debian's PyTorch (python3-torch, 1.13):  /usr/bin/python3 djl/src/test/python/record_update_bn_fixtures.py
Writes djl/src/test/resources/conformance/swa/update_bn.json.

Each case: a small model with BatchNorm layers (weights given, float32), running statistics set to
arbitrary values before update_bn (it must reset them), the loader's batches (uneven sizes), and every
BatchNorm's running_mean and running_var after update_bn(loader, model). One BatchNorm of the "mlp"
case is never called by forward: update_bn leaves it at its reset values (mean 0, var 1).

What update_bn computes (1.13 and 2.x alike): running_mean zeroed and running_var set to ones,
momentum=None and num_batches_tracked=0, one pass in training mode; with momentum None each batch's
update uses the factor 1/num_batches_tracked, so the running statistics end as the equal average,
over the batches, of each batch's mean and of its UNBIASED variance (sum of squares / (n - 1)). The
script checks that against a direct computation. 2.x wraps update_bn in torch.no_grad(); 1.13 does
not, which changes no value.
"""
import json
import os

import torch
from torch.optim.swa_utils import update_bn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "swa")


class Mlp(torch.nn.Module):
    """Linear(4, 3), BatchNorm1d(3), ReLU, Linear(3, 2), BatchNorm1d(2); and a BatchNorm1d(3) forward never calls."""

    def __init__(self, momentum):
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 3)
        self.bn1 = torch.nn.BatchNorm1d(3, momentum=momentum)
        self.fc2 = torch.nn.Linear(3, 2)
        self.bn2 = torch.nn.BatchNorm1d(2, momentum=momentum)
        self.unused = torch.nn.BatchNorm1d(3, momentum=momentum)

    def forward(self, x):
        return self.bn2(self.fc2(torch.relu(self.bn1(self.fc1(x)))))


class Conv(torch.nn.Module):
    """Conv2d(2, 3, 3, padding=1), BatchNorm2d(3), ReLU, Conv2d(3, 2, 3, padding=1), BatchNorm2d(2)."""

    def __init__(self, momentum):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(2, 3, 3, padding=1)
        self.bn1 = torch.nn.BatchNorm2d(3, momentum=momentum)
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
        self.bn2 = torch.nn.BatchNorm2d(2, momentum=momentum)

    def forward(self, x):
        return self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))


def tensor_json(t):
    return {"shape": list(t.shape), "values": t.detach().reshape(-1).tolist()}


def direct_average(model, batches, bn):
    """Each batch's mean and unbiased variance of bn's input, averaged equally over the batches."""
    seen = []
    handle = bn.register_forward_hook(lambda m, inputs, out: seen.append(inputs[0].detach().double()))
    with torch.no_grad():
        model.train()
        for b in batches:
            model(b)
    handle.remove()
    dims = [0] + list(range(2, seen[0].dim()))
    means = torch.stack([x.mean(dim=dims) for x in seen])
    variances = torch.stack([x.var(dim=dims, unbiased=True) for x in seen])
    return means.mean(0), variances.mean(0)


def case(name, model, input_shape, batch_sizes, seed):
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=gen) * 0.7)
        bns = {n: m for n, m in model.named_modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)}
        for bn in bns.values():
            bn.running_mean.copy_(torch.randn(bn.running_mean.shape, generator=gen))
            bn.running_var.copy_(torch.rand(bn.running_var.shape, generator=gen) + 0.5)
    params = {n: tensor_json(p) for n, p in model.named_parameters()}
    before = {n: {"mean": bn.running_mean.tolist(), "var": bn.running_var.tolist()} for n, bn in bns.items()}
    batches = [(torch.randn((size,) + input_shape, generator=gen) * 1.5 + 0.3).float() for size in batch_sizes]

    # the direct computation runs first, on a copy of the weights (it moves the running statistics)
    expected = {}
    for n, bn in bns.items():
        if n != "unused":
            expected[n] = direct_average(model, batches, bn)

    update_bn([(b, torch.zeros(len(b))) for b in batches], model)   # a loader of (input, label) pairs, as in the docs
    after = {n: {"mean": bn.running_mean.tolist(), "var": bn.running_var.tolist()} for n, bn in bns.items()}
    for n, (mean, var) in expected.items():
        assert torch.allclose(torch.tensor(after[n]["mean"]).double(), mean, rtol=1e-5, atol=1e-6), n
        assert torch.allclose(torch.tensor(after[n]["var"]).double(), var, rtol=1e-5, atol=1e-6), n
    if "unused" in bns:
        assert after["unused"] == {"mean": [0.0] * 3, "var": [1.0] * 3}
    momentum = next(iter(bns.values())).momentum
    return {"name": name, "model": name.split("_")[0], "torch_momentum": momentum, "params": params,
            "running_before": before, "batches": [tensor_json(b) for b in batches], "running_after": after}


def main():
    cases = [
        case("mlp_default_momentum", Mlp(0.1), (4,), [5, 7, 3], seed=11),
        case("mlp_momentum_0.3", Mlp(0.3), (4,), [6, 2, 9, 4], seed=12),
        case("conv_default_momentum", Conv(0.1), (2, 4, 4), [4, 2, 3], seed=13),
    ]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "update_bn.json"), "w") as f:
        json.dump({"kind": "update_bn", "torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
