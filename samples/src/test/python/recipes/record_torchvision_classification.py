"""Records the torchvision classification reference trace
(samples/src/test/resources/conformance/recipes/torchvision_classification.json).

Follows pytorch/vision references/classification/train.py at commit 017e9b99b5daddec3d82d5b05fe26f6834c48fa9:
  - parameters: torchvision.ops._utils.split_normalization_params(model) (normalization modules selected
    by module class: _BatchNorm, LayerNorm, GroupNorm, ...) -> [{"params": norm, "weight_decay":
    norm_weight_decay}, {"params": other, "weight_decay": weight_decay}]; so the classifier's bias
    keeps the weight decay;
  - optimizer: torch.optim.SGD(lr, momentum, weight_decay, nesterov=False);
  - lr: LinearLR(start_factor=lr_warmup_decay, total_iters=lr_warmup_epochs), then
    CosineAnnealingLR(T_max=epochs - lr_warmup_epochs), in SequentialLR(milestones=[lr_warmup_epochs]),
    lr_scheduler.step() once per epoch after train_one_epoch;
  - EMA: adjust = world_size * batch_size * model_ema_steps / epochs; alpha = min(1, (1 - model_ema_decay)
    * adjust); ExponentialMovingAverage(decay=1 - alpha) (references/classification/utils.py: an
    AveragedModel with ema_avg = decay * avg + (1 - decay) * param, use_buffers=True); in train_one_epoch,
    after optimizer.step(): if i % model_ema_steps == 0: model_ema.update_parameters(model), and if
    epoch < lr_warmup_epochs: model_ema.n_averaged.fill_(0) (AveragedModel copies the weights while
    n_averaged == 0).
The recipe's shape (SGD momentum 0.9, lr 0.5, wd 1e-4 with norm_weight_decay 0.0, linear warmup from
lr_warmup_decay 0.01, cosine, EMA decay 0.99998 every model_ema_steps with the batch adjustment) shrunk to
keep the trace short: 6 epochs of 8 batches, 2 warmup epochs, model_ema_steps 3, world_size * batch_size 1024.

The lr schedule uses torch 1.13's own LinearLR, CosineAnnealingLR and SequentialLR for their arithmetic
(param_group lrs are Python floats: float64); the SGD steps and the EMA are written out in float64
(torch.optim.SGD's _single_tensor_sgd: d_p = grad + wd * p; buf = d_p at the first step, else
momentum * buf + d_p; p -= lr * buf). Run with /usr/bin/python3.
"""
import math

import torch

import trace

REFERENCE = ("pytorch/vision references/classification/train.py @ 017e9b99b5daddec3d82d5b05fe26f6834c48fa9 "
             "(+ utils.ExponentialMovingAverage, torchvision.ops._utils.split_normalization_params)")

# named_parameters() of a tiny ResNet: (name, module class, number of values)
PARAMETERS = [
    ("conv1.weight", "Conv2d", 2),
    ("bn1.weight", "BatchNorm2d", 2),
    ("bn1.bias", "BatchNorm2d", 2),
    ("layer1.0.conv1.weight", "Conv2d", 2),
    ("layer1.0.bn1.weight", "BatchNorm2d", 2),
    ("layer1.0.bn1.bias", "BatchNorm2d", 2),
    ("fc.weight", "Linear", 2),
    ("fc.bias", "Linear", 2),
]
NORM_CLASSES = ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm", "LayerNorm", "GroupNorm")


def main():
    epochs, batches, lr, momentum = 6, 8, 0.5, 0.9
    weight_decay, norm_weight_decay = 1e-4, 0.0
    lr_warmup_epochs, lr_warmup_decay = 2, 0.01
    model_ema_steps, model_ema_decay, world_batch = 3, 0.99998, 1024

    names = [p[0] for p in PARAMETERS]
    wds = [norm_weight_decay if cls in NORM_CLASSES else weight_decay for _, cls, _ in PARAMETERS]
    initial = [[0.5 + 0.25 * math.sin(1.0 + 3 * i + j) for j in range(n)] for i, (_, _, n) in enumerate(PARAMETERS)]
    grads = [[[0.1 * math.cos(0.7 * b + 1.3 * i + 0.5 * j) for j in range(n)] for i, (_, _, n) in enumerate(PARAMETERS)]
             for b in range(epochs * batches)]

    # the schedulers' arithmetic, on a throwaway optimizer whose lr is a Python float
    dummy = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    warmup = torch.optim.lr_scheduler.LinearLR(dummy, start_factor=lr_warmup_decay, total_iters=lr_warmup_epochs)
    main_lr = torch.optim.lr_scheduler.CosineAnnealingLR(dummy, T_max=epochs - lr_warmup_epochs)
    scheduler = torch.optim.lr_scheduler.SequentialLR(dummy, schedulers=[warmup, main_lr], milestones=[lr_warmup_epochs])

    adjust = world_batch * model_ema_steps / epochs
    alpha = min(1.0, (1.0 - model_ema_decay) * adjust)
    decay = 1.0 - alpha

    params = [list(v) for v in initial]
    bufs = [None] * len(params)
    ema = None
    n_averaged = 0
    entries, ema_trace = [], []
    for epoch in range(epochs):
        epoch_lr = dummy.param_groups[0]["lr"]
        for i in range(batches):
            g = grads[epoch * batches + i]
            for k, p in enumerate(params):
                d_p = [g[k][j] + wds[k] * p[j] for j in range(len(p))]
                if bufs[k] is None:
                    bufs[k] = list(d_p)
                else:
                    bufs[k] = [momentum * bufs[k][j] + d_p[j] for j in range(len(p))]
                params[k] = [p[j] - epoch_lr * bufs[k][j] for j in range(len(p))]
            entries.append(trace.step(epoch, [epoch_lr] * len(names), wds, [False] * len(names),
                                      momentum=[momentum] * len(names)))
            if i % model_ema_steps == 0:
                if n_averaged == 0:
                    ema = [list(p) for p in params]
                else:
                    ema = [[decay * a[j] + (1 - decay) * p[j] for j in range(len(p))] for a, p in zip(ema, params)]
                n_averaged += 1
                if epoch < lr_warmup_epochs:
                    n_averaged = 0
            ema_trace.append([list(v) for v in ema])
        scheduler.step()
    return trace.case("torchvision_resnet_recipe", "TorchvisionClassification", REFERENCE, epochs, batches, names, entries,
                      initial=initial, grads=grads, ema=ema_trace)


if __name__ == "__main__":
    trace.write("torchvision_classification.json", [main()])
