"""nanoGPT's learning-rate schedule and optimizer groups, emulated in float64.

Follows karpathy/nanoGPT at commit 3adf61e154c3fe3fca428ad6bc3818b27a3b8291:
  * train.py `get_lr(it)`: for it < warmup_iters, learning_rate * (it + 1) / (warmup_iters + 1); for
    it > lr_decay_iters, min_lr; between, min_lr + 0.5 * (1 + cos(pi * decay_ratio)) * (learning_rate - min_lr)
    with decay_ratio = (it - warmup_iters) / (lr_decay_iters - warmup_iters). The loop sets
    `param_group['lr'] = get_lr(iter_num)` before the micro-steps of iteration iter_num, runs
    gradient_accumulation_steps micro-batches (loss / gradient_accumulation_steps), clips to grad_clip = 1.0,
    steps, increments iter_num and stops once iter_num > max_iters: max_iters + 1 optimizer steps.
  * model.py `configure_optimizers`: parameters with dim >= 2 in a group with weight_decay, the others
    (biases, LayerNorm weights) with weight_decay 0.0; torch.optim.AdamW(lr=learning_rate, betas=(beta1, beta2)).
Scaled down: max_iters = lr_decay_iters = 20 (the default config has lr_decay_iters = max_iters), warmup_iters = 4,
gradient_accumulation_steps = 2; the other numbers are train.py's defaults (learning_rate 6e-4, min_lr 6e-5,
weight_decay 0.1, beta1 0.9, beta2 0.95).
"""
import math

from trace import case, step, write

REFERENCE = "karpathy/nanoGPT train.py get_lr, model.py configure_optimizers @ 3adf61e154c3fe3fca428ad6bc3818b27a3b8291"

learning_rate = 6e-4
max_iters = 20
weight_decay = 1e-1
beta1 = 0.9
warmup_iters = 4
lr_decay_iters = 20
min_lr = 6e-5
gradient_accumulation_steps = 2

# (name, dim) as GPT.named_parameters() lists them (lm_head.weight is tied to wte and not listed again)
PARAMETERS = [
    ("transformer.wte.weight", 2),
    ("transformer.wpe.weight", 2),
    ("transformer.h.0.ln_1.weight", 1),
    ("transformer.h.0.attn.c_attn.weight", 2),
    ("transformer.h.0.attn.c_attn.bias", 1),
    ("transformer.ln_f.weight", 1),
]


def get_lr(it):
    if it < warmup_iters:
        return learning_rate * (it + 1) / (warmup_iters + 1)
    if it > lr_decay_iters:
        return min_lr
    decay_ratio = (it - warmup_iters) / (lr_decay_iters - warmup_iters)
    assert 0 <= decay_ratio <= 1
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (learning_rate - min_lr)


def main():
    decay = [weight_decay if dim >= 2 else 0.0 for _, dim in PARAMETERS]
    trace = []
    iter_num = 0
    while True:
        lr = get_lr(iter_num)
        trace.append(step(0, [lr] * len(PARAMETERS), decay, [False] * len(PARAMETERS), beta1=[beta1] * len(PARAMETERS)))
        iter_num += 1
        if iter_num > max_iters:
            break
    write("nanogpt.json", [case("nanogpt_warmup_cosine_accumulate", "NanoGpt", REFERENCE, epochs=1,
                                batches_per_epoch=len(trace) * gradient_accumulation_steps,
                                parameters=[n for n, _ in PARAMETERS], trace=trace)])


if __name__ == "__main__":
    main()
