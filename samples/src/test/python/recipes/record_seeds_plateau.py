"""The seeds' recipe: AdamW groups, a per-batch cosine after a linear warmup, ReduceLROnPlateau on val_loss per epoch
on top, as PyTorch Lightning drives two schedulers on one optimizer. Uses torch 1.13's own schedulers
(run with /usr/bin/python3): they are PyTorch's arithmetic.

The loop follows Lightning-AI/pytorch-lightning src/lightning/pytorch/loops/training_epoch_loop.py at commit
017bff996a9a7e058939fb7232db619d8f3a73a0: after each training batch (its optimizer step) `update_lr_schedulers("step",
update_plateau_schedulers=False)` steps the interval="step" scheduler; the ReduceLROnPlateau config (interval="epoch",
monitor="val_loss") is stepped by `_update_learning_rates("epoch", update_plateau_schedulers=True)` once the epoch's
validation has logged val_loss (fit_loop.on_advance_end), with that value.

configure_optimizers returns
    optimizer = AdamW([{"params": stem, "lr": 1e-4}, {"params": body, "lr": 3e-4},
                       {"params": head, "lr": 1e-3, "weight_decay": 0.0}], lr=1e-3, weight_decay=0.05)
    per_batch = SequentialLR(optimizer, [LambdaLR(optimizer, lambda t: f * (1 - t / W) + t / W),
                                         CosineAnnealingLR(optimizer, T_max=total - W, eta_min=1e-6)], milestones=[W])
    plateau = ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=1)
    [{"scheduler": per_batch, "interval": "step"}, {"scheduler": plateau, "interval": "epoch", "monitor": "val_loss"}]
with W = 5 warmup steps from f = 0.01. The warmup is a LambdaLR (a factor of the base lr, as Anneal's @Warmup and
transformers' warmups are): a plateau reduction during the warmup lasts one step; at the milestone SequentialLR
calls CosineAnnealingLR.step(0), whose closed form restarts from the base lrs; after that the cosine's chainable
form scales the lr the plateau reduced, so a reduction stays.

PyTorch 2.x: SequentialLR, LambdaLR, CosineAnnealingLR (get_lr and the closed form of step(0)) and
ReduceLROnPlateau (now an LRScheduler subclass, which still writes the groups only when it reduces) compute the
same numbers as 1.13 here; 2.x warns about step(0)'s epoch argument but keeps its closed form.
"""
import torch
from torch.optim import lr_scheduler as S

from trace import case, step, write

REFERENCE = ("Lightning-AI/pytorch-lightning src/lightning/pytorch/loops/training_epoch_loop.py (update_lr_schedulers, "
             "_update_learning_rates) @ 017bff996a9a7e058939fb7232db619d8f3a73a0; torch 1.13 SequentialLR, LambdaLR, "
             "CosineAnnealingLR, ReduceLROnPlateau")

# (group, parameter names) in the order of the model's fields
GROUPS = [
    ("stem", ["stem.conv.weight", "stem.bn.weight"]),
    ("body", ["body.block.0.weight", "body.block.0.bias"]),
    ("head", ["head.weight", "head.bias"]),
]
LRS = {"stem": 1e-4, "body": 3e-4, "head": 1e-3}
WARMUP = 5
FACTOR = 0.01


def run(name, epochs, batches_per_epoch, val_loss):
    tensors = {g: [torch.zeros(1, dtype=torch.float64, requires_grad=True) for _ in names] for g, names in GROUPS}
    param_groups = [{"params": tensors["stem"], "lr": LRS["stem"]}, {"params": tensors["body"], "lr": LRS["body"]},
                    {"params": tensors["head"], "lr": LRS["head"], "weight_decay": 0.0}]
    optimizer = torch.optim.AdamW(param_groups, lr=1e-3, weight_decay=0.05)
    total = epochs * batches_per_epoch
    warmup = S.LambdaLR(optimizer, lambda t: FACTOR * (1 - t / WARMUP) + t / WARMUP)
    cosine = S.CosineAnnealingLR(optimizer, T_max=total - WARMUP, eta_min=1e-6)
    per_batch = S.SequentialLR(optimizer, [warmup, cosine], milestones=[WARMUP])
    plateau = S.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=1)
    parameters = [p for _, names in GROUPS for p in names]
    trace = []
    for epoch in range(epochs):
        for _ in range(batches_per_epoch):
            lr, wd, beta1 = [], [], []
            for group, (_, names) in zip(optimizer.param_groups, GROUPS):
                lr += [group["lr"]] * len(names)
                wd += [group["weight_decay"]] * len(names)
                beta1 += [group["betas"][0]] * len(names)
            trace.append(step(epoch, lr, wd, [False] * len(parameters), beta1=beta1))
            optimizer.step()
            per_batch.step()
        plateau.step(val_loss[epoch])
    return case(name, "SeedsPlateau", REFERENCE, epochs=epochs, batches_per_epoch=batches_per_epoch,
                parameters=parameters, trace=trace, metrics={"val_loss": val_loss})


def main():
    write("seeds_plateau.json", [
        # one reduction after epoch 3 (bad epochs 2 and 3), in the cosine: it stays; 0.695 after 0.69 is one bad epoch
        run("seeds_warmup_cosine_plateau", epochs=8, batches_per_epoch=5,
            val_loss=[1.0, 0.8, 0.85, 0.84, 0.83, 0.7, 0.69, 0.695]),
        # one batch per epoch: a reduction inside the warmup (after epoch 2, lasts one step), one at the warmup's end
        # (after epoch 4: the cosine's restart from the base lrs, then halved) and one in the cosine (after epoch 6)
        run("seeds_plateau_in_and_after_warmup", epochs=8, batches_per_epoch=1,
            val_loss=[1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7]),
    ])


if __name__ == "__main__":
    main()
