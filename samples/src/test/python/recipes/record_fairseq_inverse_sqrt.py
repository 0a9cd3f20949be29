"""fairseq's inverse_sqrt schedule with --warmup-init-lr, and its Adam, emulated in float64.

Follows facebookresearch/fairseq at commit 3d262bb25690e4eb2e7d3c1309b1e9c406ca4b99:
  * fairseq/optim/lr_scheduler/inverse_square_root_schedule.py: warmup_end_lr = cfg.lr[0]; a warmup_init_lr < 0
    (the default -1) becomes 0 when warmup_updates > 0, else warmup_end_lr; lr_step = (warmup_end_lr -
    warmup_init_lr) / warmup_updates; decay_factor = warmup_end_lr * warmup_updates ** 0.5; step_update(n) sets
    warmup_init_lr + n * lr_step for n < warmup_updates, else decay_factor * n ** -0.5.
  * fairseq/trainer.py: lr_step_begin_epoch and set_num_updates call lr_step_update(), i.e. step_update(num_updates),
    so update n (0-based) runs with step_update(n)'s lr.
  * fairseq/optim/adam.py: betas from --adam-betas, weight decay decoupled (p -= weight_decay * lr * p before the
    Adam update, torch.optim.AdamW's order), one lr for every parameter.
The recipe is examples/translation/README.md's multilingual transformer: --optimizer adam --adam-betas '(0.9, 0.98)'
--lr 0.0005 --lr-scheduler inverse_sqrt --warmup-updates 4000 --warmup-init-lr '1e-07' --weight-decay 0.0001,
scaled down to warmup_updates = 8 over 3 epochs of 8 updates.
"""
from trace import case, step, write

REFERENCE = ("facebookresearch/fairseq fairseq/optim/lr_scheduler/inverse_square_root_schedule.py, fairseq/trainer.py, "
             "fairseq/optim/adam.py @ 3d262bb25690e4eb2e7d3c1309b1e9c406ca4b99")

PARAMETERS = ["encoder.embed_tokens.weight", "encoder.layers.0.self_attn.k_proj.weight",
              "encoder.layers.0.self_attn.k_proj.bias", "decoder.layers.0.final_layer_norm.weight",
              "decoder.output_projection.weight"]


class InverseSquareRootSchedule:
    def __init__(self, lr, warmup_updates, warmup_init_lr):
        warmup_end_lr = lr
        if warmup_init_lr < 0:
            warmup_init_lr = 0 if warmup_updates > 0 else warmup_end_lr
        self.warmup_updates = warmup_updates
        self.warmup_init_lr = warmup_init_lr
        self.lr_step = (warmup_end_lr - warmup_init_lr) / warmup_updates
        self.decay_factor = warmup_end_lr * warmup_updates ** 0.5
        self.lr = warmup_init_lr

    def step_update(self, num_updates):
        if num_updates < self.warmup_updates:
            self.lr = self.warmup_init_lr + num_updates * self.lr_step
        else:
            self.lr = self.decay_factor * num_updates ** -0.5
        return self.lr


def run(recipe, name, epochs, updates_per_epoch, lr, warmup_updates, warmup_init_lr):
    schedule = InverseSquareRootSchedule(lr, warmup_updates, warmup_init_lr)
    n = len(PARAMETERS)
    trace = []
    num_updates = 0
    for epoch in range(epochs):
        current = schedule.step_update(num_updates)  # lr_step_begin_epoch
        for _ in range(updates_per_epoch):
            trace.append(step(epoch, [current] * n, [0.0001] * n, [False] * n, beta1=[0.9] * n))
            num_updates += 1  # set_num_updates -> lr_step_update
            current = schedule.step_update(num_updates)
    return case(name, recipe, REFERENCE, epochs=epochs, batches_per_epoch=updates_per_epoch, parameters=PARAMETERS, trace=trace)


def main():
    write("fairseq_inverse_sqrt.json", [
        run("FairseqInverseSqrt", "fairseq_inverse_sqrt_warmup_init_lr", epochs=3, updates_per_epoch=8, lr=0.0005,
            warmup_updates=8, warmup_init_lr=1e-7),
        run("FairseqInverseSqrtDefaultInit", "fairseq_inverse_sqrt_default_warmup_init_lr", epochs=2, updates_per_epoch=6,
            lr=0.0005, warmup_updates=4, warmup_init_lr=-1),
    ])


if __name__ == "__main__":
    main()
