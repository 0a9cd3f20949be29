#!/usr/bin/python3
"""Records the fixture of TorchWeightsTest (djl module): a PyTorch CNN's state_dict as safetensors and
its eval-mode output on a fixed input.

Run with Debian's PyTorch (python3-torch, 1.13):  /usr/bin/python3 djl/src/test/python/record_torch_weights_fixture.py
Writes djl/src/test/resources/interop/cnn.safetensors (what safetensors.torch.save_file(model.state_dict())
would write: conv and linear weights, BatchNorm weight, bias, running_mean, running_var as F32 and
num_batches_tracked as I64) and djl/src/test/resources/interop/cnn.json (input and output).

The model: Conv2d(1, 4, 3), BatchNorm2d(4), ReLU, Flatten, Linear(64, 3), on 1x6x6 images. Three training
passes give BatchNorm running statistics that are not 0 and 1, so loading them matters for the output.
"""
import json
import os

import torch

from safetensors_min import save_file

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "interop")


def cnn():
    """The fixture's model (also built by eval_weights_in_torch.py)."""
    return torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.ReLU(), torch.nn.Flatten(),
                               torch.nn.Linear(64, 3))


def main():
    torch.manual_seed(12)
    model = cnn()
    with torch.no_grad():
        model[1].weight.uniform_(0.5, 1.5)
        model[1].bias.uniform_(-0.5, 0.5)
        model.train()
        for _ in range(3):
            model(torch.randn(5, 1, 6, 6) * 2 + 0.5)
        model.eval()
        x = torch.randn(2, 1, 6, 6)
        y = model(x)
    os.makedirs(OUT, exist_ok=True)
    save_file(model.state_dict(), os.path.join(OUT, "cnn.safetensors"), {"format": "pt"})
    with open(os.path.join(OUT, "cnn.json"), "w") as f:
        json.dump({"torch": torch.__version__, "keys": list(model.state_dict().keys()),
                   "input_shape": list(x.shape), "input": x.flatten().tolist(),
                   "output_shape": list(y.shape), "output": y.flatten().tolist()}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
