"""ULMFiT's classifier fine-tuning (Howard & Ruder 2018, arXiv:1801.06146): slanted triangular learning rates,
discriminative learning rates (each lower layer group's lr is the one above divided by 2.6) and gradual
unfreezing (one more layer group each epoch, the schedule restarting at every stage), in float64.

The slanted triangle follows fastai v0.7's CircularLR (fastai/sgdr.py of fastai/fastai in early 2018, the code
ULMFiT ran with `use_clr=(32, 10)`), read through the code index without its repository being named (the
stored fastai/fastai fastai/sgdr.py @ 49ff2c3cc66d5ce90e1dbe697f09d690d43b81fc predates CircularLR):
    cut_pt = nb // cut_div
    pct = 1 - (cycle_iter - cut_pt) / (cut_pt * (cut_div - 1)) if cycle_iter > cut_pt else cycle_iter / cut_pt
    lr = init_lrs * (1 + pct * (div - 1)) / div
with cycle_iter the batch index within the fit and nb the fit's batches; this is the paper's equation 3
with cut_frac = 1 / cut_div = 0.1 and ratio = div = 32. Each stage is its own `fit` (fastai v0.7
Learner.fit builds a new LayerOptimizer and a new CircularLR), so the triangle restarts per stage.
Learner.freeze_to(n) (fastai/learner.py @ 01ba000d010bc38a6d7764466d0d9c7bc143f5df) makes the layer
groups c[n:] trainable. Optimizer: torch.optim.Adam with betas (0.8, 0.99) and wds 1e-7 as the ULMFiT
notebook (courses/dl2/imdb.ipynb) passes them; lrs = lr / 2.6**k per layer group.
"""
import trace

REFERENCE = ("fastai v0.7 fastai/sgdr.py CircularLR (fastai/fastai, early 2018) and fastai/learner.py"
             "@01ba000d010bc38a6d7764466d0d9c7bc143f5df; Howard & Ruder 2018 (arXiv:1801.06146) eq. 3")


def circular_lr(init_lr, cycle_iter, nb, div=32, cut_div=10):
    cut_pt = nb // cut_div
    if cycle_iter > cut_pt:
        pct = 1 - (cycle_iter - cut_pt) / (cut_pt * (cut_div - 1))
    else:
        pct = cycle_iter / cut_pt
    return init_lr * (1 + pct * (div - 1)) / div


def main():
    # layer groups of a tiny two-layer AWD-LSTM classifier: encoder, rnns.0, rnns.1, decoder
    params = [("0.encoder.weight", 0), ("0.rnns.0.module.weight_ih_l0", 1), ("0.rnns.0.module.bias_ih_l0", 1),
              ("0.rnns.1.module.weight_ih_l0", 2), ("1.decoder.weight", 3), ("1.decoder.bias", 3)]
    n_groups, batches, lr, wd, betas = 4, 20, 0.01, 1e-7, (0.8, 0.99)
    lrs = [lr / (2.6 ** (n_groups - 1 - g)) for g in range(n_groups)]
    steps = []
    for stage in range(n_groups):            # freeze_to(-1), freeze_to(-2), freeze_to(-3), unfreeze(); fit(lrs, 1, cycle_len=1)
        first_trainable = n_groups - 1 - stage
        nb = batches * 1
        for b in range(batches):
            lr_now = [circular_lr(lrs[g], b, nb) for _, g in params]
            frozen = [g < first_trainable for _, g in params]
            steps.append(trace.step(stage, lr_now, [wd] * len(params), frozen, beta1=[betas[0]] * len(params)))
    c = trace.case("gradual_unfreezing_4_layer_groups", "Ulmfit", REFERENCE, n_groups, batches,
                   [p[0] for p in params], steps)
    trace.write("ulmfit.json", [c])


if __name__ == "__main__":
    main()
