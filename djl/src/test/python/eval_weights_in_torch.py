#!/usr/bin/python3
"""Loads weights that Anneal's TorchWeights.save wrote into the PyTorch CNN of the weights fixture and
prints its eval output on the fixture's input, as JSON: {"missing": [...], "unexpected": [...], "output": [...]}.

  /usr/bin/python3 eval_weights_in_torch.py WEIGHTS

Loaded with model.load_state_dict(strict=False), so that the test sees the missing and unexpected keys
instead of an exception. DJL keeps no num_batches_tracked; PyTorch's BatchNorm fills it in when a state_dict
without version metadata lacks it. Used by WeightsInTorchTest (djl module).
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from record_torch_weights_fixture import OUT, cnn  # noqa: E402
from safetensors_min import load_file  # noqa: E402


def main(weights):
    tensors, _ = load_file(weights)
    model = cnn()
    result = model.load_state_dict(tensors, strict=False)
    with open(os.path.join(OUT, "cnn.json")) as f:
        fixture = json.load(f)
    model.eval()
    with torch.no_grad():
        y = model(torch.tensor(fixture["input"]).reshape(fixture["input_shape"]))
    json.dump({"missing": result.missing_keys, "unexpected": result.unexpected_keys, "output": y.flatten().tolist()},
              sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
