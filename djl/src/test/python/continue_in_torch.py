#!/usr/bin/python3
"""Continues in torch.optim a run that Anneal exported, or starts one for Anneal to continue.

  /usr/bin/python3 continue_in_torch.py PARAMS STATE_JSON STATE_TENSORS GRADS OUT \
      [--export-after K EXPORT_PARAMS EXPORT_JSON EXPORT_TENSORS]

PARAMS        safetensors of the parameters, keyed by the names in the state's param_names
STATE_JSON    the optimizer state without tensors, as dev.anneal.interop.TorchOptimizerState writes it:
              {"optimizer": "Adam", "param_groups": [{"lr": ..., "params": [0, 1], "param_names": [...]}], ...}
STATE_TENSORS safetensors of the per-parameter state, keyed state.<index>.<key> (state.0.exp_avg, state.0.step)
GRADS         safetensors of the gradients, keyed <step>.<index>; the script runs one optimizer step per step
OUT           the parameters after the last step, keyed by name

The optimizer is torch.optim.<optimizer>, built over the parameters in index order with the file's groups,
then given the state through optimizer.load_state_dict, exactly as a PyTorch user would restore it. With
--export-after K, after step K it writes the parameters and torch's own optimizer.state_dict() in the same
two-file layout (what Anneal's TorchOptimizerState.load reads), then goes on to the last step.

Used by ContinueInTorchTest (djl module); needs only torch (Debian's python3-torch, 1.13, works).
"""
import json
import os
import sys
import uuid

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_min import load_file, save_file  # noqa: E402

FORMAT = "anneal.torch_optimizer_state"


def build(params_file, state_json, state_tensors):
    values, _ = load_file(params_file)
    with open(state_json) as f:
        saved = json.load(f)
    tensors, metadata = load_file(state_tensors)
    if saved.get("format") != FORMAT or metadata.get("save_id") != saved.get("save_id"):
        raise SystemExit("not a matching pair of optimizer state files")
    by_index = {}
    groups = []
    for g in saved["param_groups"]:
        params = []
        for index, name in zip(g["params"], g["param_names"]):
            p = values[name].clone().requires_grad_(True)
            by_index[index] = (name, p)
            params.append(p)
        hyper = {k: (tuple(v) if isinstance(v, list) else v) for k, v in g.items() if k not in ("params", "param_names")}
        groups.append(dict(hyper, params=params))
    optimizer = getattr(torch.optim, saved["optimizer"])(groups)
    state = {}
    for key, t in tensors.items():
        _, index, name = key.split(".", 2)
        state.setdefault(int(index), {})[name] = t
    optimizer.load_state_dict({"state": state, "param_groups": saved["param_groups"]})
    return saved, optimizer, by_index


def export(saved, optimizer, by_index, params_out, json_out, tensors_out):
    sd = optimizer.state_dict()
    save_id = str(uuid.uuid4())
    tensors = {}
    for index, s in sd["state"].items():
        for key, t in s.items():
            if t is None:
                continue
            t = t if torch.is_tensor(t) else torch.tensor(float(t))
            tensors["state.%d.%s" % (index, key)] = t.detach().to(torch.float32).clone()
    groups = []
    for g in sd["param_groups"]:
        out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in g.items()}
        out["param_names"] = [by_index[i][0] for i in g["params"]]
        groups.append(out)
    save_file(tensors, tensors_out, {"format": "pt", "save_id": save_id})
    with open(json_out, "w") as f:
        json.dump({"format": FORMAT, "version": 1, "save_id": save_id, "optimizer": saved["optimizer"],
                   "param_groups": groups}, f)
    save_file({name: p for name, p in by_index.values()}, params_out)


def main(argv):
    params_file, state_json, state_tensors, grads_file, out = argv[:5]
    export_after = None
    if len(argv) > 5:
        if argv[5] != "--export-after" or len(argv) != 10:
            raise SystemExit(__doc__)
        export_after = int(argv[6])
    saved, optimizer, by_index = build(params_file, state_json, state_tensors)
    grads, _ = load_file(grads_file)
    steps = 1 + max((int(k.split(".")[0]) for k in grads), default=-1)
    for step in range(steps):
        for index, (_, p) in by_index.items():
            g = grads.get("%d.%d" % (step, index))
            p.grad = None if g is None else g.clone()
        optimizer.step()
        if export_after == step + 1:
            export(saved, optimizer, by_index, *argv[7:10])
    save_file({name: p for name, p in by_index.values()}, out)


if __name__ == "__main__":
    main(sys.argv[1:])
