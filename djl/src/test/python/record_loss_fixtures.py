#!/usr/bin/python3
"""Records the conformance fixtures of Anneal's 21 torch.nn losses (djl module).

Writes one JSON file per loss (and weight_broadcast.json, the weights of other shapes than 1-D for
BCELoss, BCEWithLogitsLoss and MultiLabelSoftMarginLoss) into ../resources/conformance/losses/, in the "Loss cases" schema of
the shared conformance SCHEMA.md: the loss's class name and keyword arguments, the inputs (rounded
to float32, then computed in float64), the output and the gradient of output.sum() for every input
that requires one.

Run with Debian's PyTorch (python3-torch, 1.13):  /usr/bin/python3 djl/src/test/python/record_loss_fixtures.py

PyTorch 2.x differences emulated here, in float64:
- TripletMarginWithDistanceLoss's "cosine" distance is 1 - cosine_similarity(a, b) with 2.x's
  cosine_similarity (each vector divided by its norm clamped, without gradient, to eps = 1e-8; see
  aten/src/ATen/native/Distance.cpp), written out below so the fixture does not depend on the
  installed version's formula.
Everything else these cases use has the same semantics in 1.13 and 2.x (Loss.cpp, LossNLL.cpp,
LossCTC.cpp, LossMultiMargin.cpp, LossMultiLabelMargin.cpp, functional.py).
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "conformance", "losses")
GEN = torch.Generator().manual_seed(20240611)
REDUCTIONS = ["mean", "sum", "none"]


def cosine_distance_2x(a, b, eps=1e-8):
    n1 = torch.linalg.vector_norm(a, 2, dim=1, keepdim=True).clone()
    n2 = torch.linalg.vector_norm(b, 2, dim=1, keepdim=True).clone()
    with torch.no_grad():
        n1.clamp_(min=eps)
        n2.clamp_(min=eps)
    return 1 - ((a / n1) * (b / n2)).sum(1)


DISTANCES = {"pairwise_distance": F.pairwise_distance, "cosine": cosine_distance_2x}


def randn(*shape, scale=1.0):
    return (torch.randn(*shape, generator=GEN, dtype=torch.float64) * scale).float()


def uniform(*shape, lo=0.0, hi=1.0):
    return (lo + (hi - lo) * torch.rand(*shape, generator=GEN, dtype=torch.float64)).float()


def ints(*shape, hi):
    return torch.randint(0, hi, shape, generator=GEN, dtype=torch.int64)


def signs(*shape):
    return (torch.randint(0, 2, shape, generator=GEN) * 2 - 1).float()


def number(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def encode(t):
    return {"shape": list(t.shape), "data": [number(v) if t.is_floating_point() else int(v) for v in t.reshape(-1).tolist()]}


def module(loss, kwargs):
    args = {}
    for k, v in kwargs.items():
        if k in ("weight", "pos_weight"):
            args[k] = torch.tensor(v, dtype=torch.float64)
        elif k == "distance_function":
            args[k] = DISTANCES[v]
        else:
            args[k] = v
    return getattr(nn, loss)(**args)


class Recorder:
    def __init__(self, loss):
        self.loss = loss
        self.cases = []

    def case(self, name, kwargs, inputs, grad=None):
        """inputs: tensors (float32 or int64); grad: which of them require a gradient (default: float ones)."""
        if grad is None:
            grad = [t.is_floating_point() for t in inputs]
        ins = []
        for t, g in zip(inputs, grad):
            x = t.double() if t.is_floating_point() else t.clone()
            ins.append(x.requires_grad_(bool(g)))
        out = module(self.loss, kwargs)(*ins)
        wanted = [x for x in ins if x.requires_grad]
        grads = torch.autograd.grad(out.sum(), wanted, allow_unused=True) if wanted and out.requires_grad else [None] * len(wanted)
        it = iter(grads)
        grad_json = []
        for x in ins:
            if x.requires_grad:
                g = next(it)
                grad_json.append(encode(torch.zeros_like(x) if g is None else g))
            else:
                grad_json.append(None)
        self.cases.append({
            "name": name, "loss": self.loss, "kwargs": kwargs,
            "inputs": [dict(dtype="float32" if t.is_floating_point() else "int64", requires_grad=bool(g), **encode(t))
                       for t, g in zip(inputs, grad)],
            "output": encode(out.detach()),
            "grads": grad_json,
        })

    def write(self, file):
        names = [c["name"] for c in self.cases]
        assert len(names) == len(set(names)), names
        with open(os.path.join(OUT, file), "w") as f:
            json.dump(self.cases, f, indent=None, separators=(",", ":"))
            f.write("\n")
        print(f"{file}: {len(self.cases)} cases")


def pointwise(loss, file, options, target_grad=True, target=None):
    r = Recorder(loss)
    x = randn(4, 3, scale=2)
    y = randn(4, 3, scale=2) if target is None else target(4, 3)
    for kwargs in options:
        suffix = "".join(f"_{k}{v}" for k, v in kwargs.items())
        for red in REDUCTIONS:
            r.case(f"{red}{suffix}", dict(kwargs, reduction=red), [x, y], [True, target_grad])
    r.case("three_dims", {}, [randn(2, 3, 2), randn(2, 3, 2) if target is None else target(2, 3, 2)], [True, target_grad])
    r.case("empty_mean_is_nan", {}, [randn(0, 3), randn(0, 3) if target is None else target(0, 3)], [True, False])
    r.case("empty_sum", {"reduction": "sum"}, [randn(0, 3), randn(0, 3) if target is None else target(0, 3)], [True, False])
    if target is None:
        r.case("broadcast_target", {"reduction": "none"}, [randn(4, 3), randn(3)], [True, True])
    r.write(file)


def class_losses():
    for loss, file, logits in (("CrossEntropyLoss", "cross_entropy.json", True), ("NLLLoss", "nll.json", False)):
        r = Recorder(loss)

        def inp(*shape):
            x = randn(*shape, scale=2)
            return x if logits else torch.log_softmax(x.double(), 1 if x.dim() > 1 else 0).float()

        x = inp(6, 5)
        y = torch.tensor([0, 4, 2, 2, 1, 3])
        w = [0.5, 1.0, 2.0, 0.25, 1.5]
        y_ign = torch.tensor([0, 4, -100, 2, -100, 3])
        y_ign2 = torch.tensor([0, 4, 2, 2, 1, 2])
        smoothing = [0.0, 0.1] if logits else [0.0]
        for ls in smoothing:
            extra = {"label_smoothing": ls} if ls else {}
            tag = "_ls" if ls else ""
            for red in REDUCTIONS:
                r.case(f"{red}{tag}", dict(extra, reduction=red), [x, y])
                r.case(f"{red}_weight{tag}", dict(extra, reduction=red, weight=w), [x, y])
                r.case(f"{red}_ignore_default{tag}", dict(extra, reduction=red), [x, y_ign])
                r.case(f"{red}_ignore_2_weight{tag}", dict(extra, reduction=red, weight=w, ignore_index=2), [x, y_ign2])
                r.case(f"{red}_all_ignored{tag}", dict(extra, reduction=red, ignore_index=1), [inp(3, 5), torch.tensor([1, 1, 1])])
                r.case(f"{red}_spatial_weight{tag}", dict(extra, reduction=red, weight=[1.0, 2.0, 0.5]),
                       [inp(2, 3, 2, 2), ints(2, 2, 2, hi=3)])
            r.case(f"unbatched{tag}", dict(extra), [inp(5), torch.tensor(3)])
            r.case(f"unbatched_none{tag}", dict(extra, reduction="none", weight=w), [inp(5), torch.tensor(1)])
            r.case(f"empty_mean_is_nan{tag}", dict(extra), [inp(0, 5), torch.zeros(0, dtype=torch.int64)], [False, False])
            r.case(f"spatial_ignore{tag}", dict(extra, ignore_index=0), [inp(2, 4, 3), ints(2, 3, hi=4)])
        if logits:
            big = torch.tensor([[1e4, -1e4, 0.0], [-1e4, 1e4, 5.0], [3.0, -2.0, 1e4]])
            r.case("logits_1e4", {}, [big, torch.tensor([1, 1, 0])])
            r.case("logits_1e4_ls", {"label_smoothing": 0.2}, [big, torch.tensor([1, 1, 0])])
            p = torch.softmax(randn(6, 5).double(), 1).float()
            for red in REDUCTIONS:
                r.case(f"{red}_probabilities", {"reduction": red}, [x, p], [True, True])
                r.case(f"{red}_probabilities_weight_ls", {"reduction": red, "weight": w, "label_smoothing": 0.3}, [x, p], [True, True])
                r.case(f"{red}_probabilities_spatial", {"reduction": red},
                       [randn(2, 3, 4), torch.softmax(randn(2, 3, 4).double(), 1).float()], [True, False])
            r.case("probabilities_unbatched", {"label_smoothing": 0.1}, [randn(5), torch.softmax(randn(5).double(), 0).float()])
            r.case("probabilities_empty_mean_is_nan", {}, [randn(0, 5), randn(0, 5)], [False, False])
        r.write(file)


def poisson():
    r = Recorder("PoissonNLLLoss")
    counts = torch.tensor([[0.0, 1.0, 2.0], [3.0, 0.5, 7.0], [1.5, 4.0, 0.0], [10.0, 2.5, 1.0]])
    for log_input in (True, False):
        x = randn(4, 3) if log_input else uniform(4, 3, lo=0.1, hi=4.0)
        for full in (False, True):
            for red in REDUCTIONS:
                r.case(f"{red}_log{log_input}_full{full}", {"log_input": log_input, "full": full, "reduction": red},
                       [x, counts], [True, not full])
    r.case("eps_zero_rate", {"log_input": False, "eps": 0.1}, [torch.tensor([0.0, 1.0, 2.0]), torch.tensor([1.0, 0.0, 3.0])])
    r.write("poisson_nll.json")


def gaussian():
    r = Recorder("GaussianNLLLoss")
    x, y = randn(4, 3), randn(4, 3)
    for full in (False, True):
        for red in REDUCTIONS:
            r.case(f"{red}_full{full}", {"full": full, "reduction": red}, [x, y, uniform(4, 3, lo=0.1, hi=2.0)])
    r.case("var_without_last_dim", {"reduction": "none"}, [x, y, uniform(4, lo=0.1, hi=2.0)])
    r.case("var_last_dim_1", {}, [x, y, uniform(4, 1, lo=0.1, hi=2.0)])
    r.case("var_below_eps_clamped", {"eps": 0.01, "reduction": "none"}, [x, y, torch.tensor([[0.0, 0.005, 0.5]] * 4)])
    r.case("unbatched", {"full": True}, [randn(3), randn(3), uniform(3, lo=0.5, hi=1.5)])
    r.write("gaussian_nll.json")


def kl():
    r = Recorder("KLDivLoss")
    x = torch.log_softmax(randn(3, 4).double(), 1).float()
    t = torch.softmax(randn(3, 4).double(), 1).float()
    t_zero = torch.tensor([[0.5, 0.5, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25], [1.0, 0.0, 0.0, 0.0]])
    for red in ["mean", "batchmean", "sum", "none"]:
        r.case(f"{red}", {"reduction": red}, [x, t], [True, True])
        r.case(f"{red}_log_target", {"reduction": red, "log_target": True}, [x, torch.log(t.double()).float()], [True, True])
        r.case(f"{red}_zero_targets", {"reduction": red}, [x, t_zero], [True, False])
    r.case("batchmean_three_dims", {"reduction": "batchmean"}, [randn(2, 3, 4), uniform(2, 3, 4)], [True, True])
    r.write("kl_div.json")


def bce():
    r = Recorder("BCELoss")
    x = uniform(4, 3, lo=0.02, hi=0.98)
    t = uniform(4, 3)
    for red in REDUCTIONS:
        r.case(red, {"reduction": red}, [x, t], [True, True])
        r.case(f"{red}_weight", {"reduction": red, "weight": [0.5, 1.0, 2.0]}, [x, (t > 0.5).float()], [True, False])
    r.case("log_clamped_at_minus_100", {"reduction": "none"}, [torch.tensor([0.0, 1.0, 0.0, 1.0]), torch.tensor([1.0, 0.0, 0.0, 1.0])],
           [False, False])
    r.case("empty_mean_is_nan", {}, [torch.zeros(0), torch.zeros(0)], [False, False])
    r.write("bce.json")

    r = Recorder("BCEWithLogitsLoss")
    x = randn(4, 3, scale=3)
    for red in REDUCTIONS:
        r.case(red, {"reduction": red}, [x, t], [True, True])
        r.case(f"{red}_weight", {"reduction": red, "weight": [0.5, 1.0, 2.0]}, [x, t], [True, False])
        r.case(f"{red}_pos_weight", {"reduction": red, "pos_weight": [3.0, 0.5, 1.0]}, [x, t], [True, True])
        r.case(f"{red}_weight_pos_weight", {"reduction": red, "weight": [2.0, 1.0, 0.5], "pos_weight": [3.0, 0.5, 1.0]}, [x, t])
    big = torch.tensor([1e4, -1e4, 1e4, -1e4, 0.0, 50.0, -50.0])
    big_t = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.5, 1.0, 0.0])
    r.case("logits_1e4", {"reduction": "none"}, [big, big_t], [True, True])
    r.case("logits_1e4_pos_weight", {"reduction": "sum", "pos_weight": [2.0]}, [big, big_t], [True, True])
    r.case("zero_logits", {}, [torch.zeros(5), uniform(5)])
    r.write("bce_with_logits.json")


def ranking():
    r = Recorder("MarginRankingLoss")
    a, b, y = randn(6), randn(6), signs(6)
    for margin in (0.0, 0.5):
        for red in REDUCTIONS:
            r.case(f"{red}_margin{margin}", {"margin": margin, "reduction": red}, [a, b, y], [True, True, False])
    r.write("margin_ranking.json")

    r = Recorder("HingeEmbeddingLoss")
    d = uniform(4, 3, lo=0.0, hi=2.5)
    for margin in (1.0, 2.0):
        for red in REDUCTIONS:
            r.case(f"{red}_margin{margin}", {"margin": margin, "reduction": red}, [d, signs(4, 3)], [True, False])
    r.case("other_targets", {"reduction": "none"}, [d, torch.tensor([[1.0, -1.0, 0.0]] * 4)], [True, False])
    r.write("hinge_embedding.json")

    r = Recorder("CosineEmbeddingLoss")
    a, b = randn(5, 4), randn(5, 4)
    for margin in (0.0, 0.3):
        for red in REDUCTIONS:
            r.case(f"{red}_margin{margin}", {"margin": margin, "reduction": red}, [a, b, signs(5)], [True, True, False])
    r.case("unbatched", {"margin": -0.5}, [randn(4), randn(4), torch.tensor(-1.0)], [True, True, False])
    r.write("cosine_embedding.json")


def margins():
    r = Recorder("MultiLabelMarginLoss")
    x = randn(3, 5)
    y = torch.tensor([[3, 0, -1, 1, 2], [1, 2, 4, 0, -1], [-1, 1, 2, 3, 4]])
    for red in REDUCTIONS:
        r.case(red, {"reduction": red}, [x, y])
    r.case("unbatched", {}, [randn(4), torch.tensor([2, 1, -1, 0])])
    r.case("unbatched_none", {"reduction": "none"}, [randn(4), torch.tensor([3, -1, 0, 0])])
    r.case("all_targets", {"reduction": "sum"}, [randn(2, 3), torch.tensor([[0, 1, 2], [2, 0, 1]])])
    r.write("multilabel_margin.json")

    r = Recorder("MultiLabelSoftMarginLoss")
    x, t = randn(4, 3, scale=2), (uniform(4, 3) > 0.5).float()
    for red in REDUCTIONS:
        r.case(red, {"reduction": red}, [x, t])
        r.case(f"{red}_weight", {"reduction": red, "weight": [0.5, 2.0, 1.0]}, [x, uniform(4, 3)], [True, True])
    r.case("logits_1e4", {"reduction": "none"}, [torch.tensor([[1e4, -1e4, 0.0]]), torch.tensor([[1.0, 1.0, 0.0]])])
    r.write("multilabel_soft_margin.json")

    r = Recorder("MultiMarginLoss")
    x, y = randn(5, 4), torch.tensor([0, 3, 1, 1, 2])
    for p in (1, 2):
        for red in REDUCTIONS:
            r.case(f"{red}_p{p}", {"p": p, "reduction": red}, [x, y])
            r.case(f"{red}_p{p}_margin_weight", {"p": p, "margin": 0.5, "weight": [1.0, 2.0, 0.5, 1.5], "reduction": red}, [x, y])
    r.case("unbatched", {}, [randn(4), torch.tensor(2)])
    r.write("multi_margin.json")


def triplets():
    r = Recorder("TripletMarginLoss")
    a, p, n = randn(5, 4), randn(5, 4), randn(5, 4)
    for red in REDUCTIONS:
        r.case(red, {"reduction": red}, [a, p, n])
        r.case(f"{red}_swap", {"reduction": red, "swap": True}, [a, p, n])
    r.case("p1_margin2", {"p": 1.0, "margin": 2.0}, [a, p, n])
    r.case("p3_eps", {"p": 3.0, "eps": 1e-3, "reduction": "none"}, [a, p, n])
    r.case("margin_half", {"margin": 0.5, "reduction": "sum"}, [a, p, n])
    r.case("unbatched", {}, [randn(4), randn(4), randn(4)])
    r.write("triplet_margin.json")

    r = Recorder("TripletMarginWithDistanceLoss")
    for dist in ("pairwise_distance", "cosine"):
        for red in REDUCTIONS:
            r.case(f"{red}_{dist}", {"distance_function": dist, "reduction": red}, [a, p, n])
        r.case(f"swap_{dist}", {"distance_function": dist, "swap": True, "reduction": "none"}, [a, p, n])
        r.case(f"margin_{dist}", {"distance_function": dist, "margin": 0.2}, [a, p, n])
    r.case("default_distance", {}, [a, p, n])
    r.write("triplet_margin_with_distance.json")


def ctc():
    r = Recorder("CTCLoss")
    T, N, C = 6, 3, 5
    lp = torch.log_softmax(randn(T, N, C, scale=2).double(), 2).float()
    targets = torch.tensor([[1, 2, 2, 0], [3, 1, 0, 0], [4, 0, 0, 0]])
    il, tl = torch.tensor([6, 5, 4]), torch.tensor([3, 2, 1])
    for red in REDUCTIONS:
        r.case(red, {"reduction": red}, [lp, targets, il, tl])
    targets4 = torch.tensor([[1, 2, 2, 3], [3, 1, 3, 3], [0, 3, 3, 3]])
    r.case("blank_4", {"blank": 4}, [lp, targets4, il, tl])
    r.case("concatenated_targets", {"reduction": "sum"}, [lp, torch.tensor([1, 2, 2, 3, 1, 4]), il, tl])
    r.case("empty_target", {"reduction": "none"}, [lp, targets, il, torch.tensor([3, 0, 1])])
    impossible = [lp, torch.tensor([[1, 1, 1, 1], [1, 2, 0, 0], [2, 0, 0, 0]]), torch.tensor([6, 5, 4]), torch.tensor([4, 2, 1])]
    for red in REDUCTIONS:
        r.case(f"{red}_zero_infinity", {"reduction": red, "zero_infinity": True}, impossible)
    r.case("infinite_without_zero_infinity", {"reduction": "none"}, impossible, [False, False, False, False])
    r.case("unbatched", {}, [lp[:, 0], torch.tensor([1, 2, 2]), torch.tensor(6), torch.tensor(3)])
    r.write("ctc.json")


def weight_broadcast():
    """Weights of every shape PyTorch accepts: BCELoss's and BCEWithLogitsLoss's weight and pos_weight
    broadcast to the input's shape (the loss is multiplied in place, so they cannot add dimensions);
    MultiLabelSoftMarginLoss multiplies out of place, so its weight broadcasts with the input either
    way, and the class sum runs over the input's last dimension. One file of its own, drawn from its
    own generator, so the cases above keep their data. 1.13 and 2.x agree (Loss.cpp, functional.py)."""
    g = torch.Generator().manual_seed(20261206)

    def u(*shape, lo=0.0, hi=1.0):
        return (lo + (hi - lo) * torch.rand(*shape, generator=g, dtype=torch.float64)).float()

    def w(*shape):
        return [round(v, 3) for v in u(*shape, lo=0.25, hi=2.0).double().reshape(-1).tolist()] if shape else None

    def nest(values, shape):
        return torch.tensor(values, dtype=torch.float64).reshape(shape).tolist()

    r = Recorder("BCELoss")
    x, t = u(4, 3, lo=0.02, hi=0.98), u(4, 3)
    x4, t4 = u(2, 3, 2, 2, lo=0.02, hi=0.98), (u(2, 3, 2, 2) > 0.5).float()
    for red in REDUCTIONS:
        r.case(f"bce_{red}_per_sample_weight", {"reduction": red, "weight": nest(w(4), [4, 1])}, [x, t], [True, True])
        r.case(f"bce_{red}_elementwise_weight", {"reduction": red, "weight": nest(w(12), [4, 3])}, [x, t], [True, True])
    r.case("bce_row_weight", {"reduction": "sum", "weight": nest(w(3), [1, 3])}, [x, t], [True, True])
    r.case("bce_channel_weight_images", {"reduction": "mean", "weight": nest(w(3), [3, 1, 1])}, [x4, t4], [True, False])
    r.case("bce_pixel_weight_images", {"reduction": "none", "weight": nest(w(8), [2, 1, 2, 2])}, [x4, t4], [True, False])
    bce_cases = r.cases

    r = Recorder("BCEWithLogitsLoss")
    z, z4 = randn_g(g, 4, 3, scale=3), randn_g(g, 2, 3, 2, 2, scale=3)
    for red in REDUCTIONS:
        r.case(f"bce_logits_{red}_per_sample_weight", {"reduction": red, "weight": nest(w(4), [4, 1])}, [z, t], [True, True])
        r.case(f"bce_logits_{red}_pos_weight_row", {"reduction": red, "pos_weight": nest(w(3), [1, 3])}, [z, t], [True, True])
    r.case("bce_logits_elementwise_pos_weight", {"reduction": "sum", "pos_weight": nest(w(12), [4, 3]),
                                                 "weight": nest(w(4), [4, 1])}, [z, t], [True, True])
    r.case("bce_logits_channel_pos_weight_images", {"reduction": "mean", "pos_weight": nest(w(3), [3, 1, 1])}, [z4, t4], [True, False])
    r.case("bce_logits_pixel_weight_images", {"reduction": "none", "weight": nest(w(8), [2, 1, 2, 2]),
                                              "pos_weight": nest(w(3), [3, 1, 1])}, [z4, t4], [True, False])
    bce_cases += r.cases

    r = Recorder("MultiLabelSoftMarginLoss")
    y = (u(4, 3) > 0.5).float()
    for red in REDUCTIONS:
        r.case(f"multilabel_soft_margin_{red}_per_sample_weight", {"reduction": red, "weight": nest(w(4), [4, 1])}, [z, y])
        r.case(f"multilabel_soft_margin_{red}_elementwise_weight", {"reduction": red, "weight": nest(w(12), [4, 3])}, [z, y])
    # a weight with a leading dimension widens the loss: the class sum then runs over the input's last
    # dimension counted in the widened shape (PyTorch's class_dim = input.dim() - 1)
    r.case("multilabel_soft_margin_weight_adds_a_dimension", {"reduction": "none", "weight": nest(w(24), [2, 4, 3])}, [z, y])
    r.case("multilabel_soft_margin_weight_adds_a_dimension_mean", {"reduction": "mean", "weight": nest(w(24), [2, 4, 3])}, [z, y])
    r.cases = bce_cases + r.cases
    r.write("weight_broadcast.json")


def randn_g(g, *shape, scale=1.0):
    return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).float()


def main():
    os.makedirs(OUT, exist_ok=True)
    pointwise("L1Loss", "l1.json", [{}])
    pointwise("MSELoss", "mse.json", [{}])
    pointwise("HuberLoss", "huber.json", [{}, {"delta": 0.5}, {"delta": 2.5}])
    pointwise("SmoothL1Loss", "smooth_l1.json", [{}, {"beta": 0.5}, {"beta": 0.0}])
    pointwise("SoftMarginLoss", "soft_margin.json", [{}], target_grad=False, target=lambda *s: signs(*s))
    class_losses()
    poisson()
    gaussian()
    kl()
    bce()
    ranking()
    margins()
    triplets()
    ctc()
    weight_broadcast()


if __name__ == "__main__":
    main()
