"""Writes recipe traces in the schema of samples/src/test/resources/conformance/recipes/README.md.

Every recording script in this folder emulates one recipe's reference code in float64 (plain Python
floats) and hands its per-step, per-parameter values to `write`. Run a script with /usr/bin/python3;
it needs nothing beyond the standard library unless it says so.
"""
import json
import math
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "conformance", "recipes")


def step(epoch, lr, weight_decay, frozen, momentum=None, beta1=None):
    """One optimizer step's entry: lists with one value per parameter, in the case's parameter order."""
    entry = {"epoch": epoch, "lr": list(lr)}
    if momentum is not None:
        entry["momentum"] = list(momentum)
    if beta1 is not None:
        entry["beta1"] = list(beta1)
    entry["weight_decay"] = list(weight_decay)
    entry["frozen"] = [bool(f) for f in frozen]
    return entry


def case(name, recipe, reference, epochs, batches_per_epoch, parameters, trace,
         initial=None, grads=None, metrics=None, ema=None):
    for entry in trace:
        for key in ("lr", "momentum", "beta1", "weight_decay", "frozen"):
            if key in entry and len(entry[key]) != len(parameters):
                raise ValueError(f"{name}: {key} has {len(entry[key])} values for {len(parameters)} parameters")
            if key in entry and key != "frozen" and not all(math.isfinite(v) for v in entry[key]):
                raise ValueError(f"{name}: non-finite {key}")
    c = {"name": name, "recipe": recipe, "reference": reference, "epochs": epochs,
         "batches_per_epoch": batches_per_epoch, "parameters": list(parameters),
         "initial": initial, "grads": grads, "metrics": metrics, "trace": trace}
    if ema is not None:
        c["ema"] = ema
    return c


def write(file_name, cases):
    os.makedirs(OUT, exist_ok=True)
    names = [c["name"] for c in cases]
    if len(set(names)) != len(names):
        raise ValueError("case names repeat: " + ", ".join(names))
    path = os.path.join(OUT, file_name)
    with open(path, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(path), len(cases), "case(s),", sum(len(c["trace"]) for c in cases), "steps")
