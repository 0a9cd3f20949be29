"""fastai's Learner.fit_one_cycle with discriminative lrs, emulated in float64 with fastai's float32 phase arithmetic.

Follows fastai/fastai:
  fastai/callback/schedule.py @ 0a049e8a90b86d70860f68072698245a1ee787ca
      (fit_one_cycle: lr_max = each group's lr, scheds combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)
       and combined_cos(pct_start, *moms); ParamScheduler.before_batch at pct_train = train_iter / total)
  fastai/optimizer.py @ 0a20fa1b1c221cb7665d07f6362bfbfa3ffaa87c (set_hyper with slice(lo, hi) -> even_mults; Adam)
  fastai/learner.py @ 5bc369c27846819edb825253fbb7bec0213cc2cb (moms=(0.95, 0.85, 0.95), wd_bn_bias=False)
learn.fit_one_cycle(3, slice(1e-4, 1e-2)) on three layer groups [0, 1, 2] (Linear layers), 7 batches per epoch.
"""
import trace
from record_fastai_fine_tune import REFERENCE, combined_cos, check_against_torch, slice_lrs


def main():
    check_against_torch()
    params = [("0.weight", 0, False), ("0.bias", 0, True), ("1.weight", 1, False), ("1.bias", 1, True),
              ("2.weight", 2, False), ("2.bias", 2, True)]
    n_epoch, batches, pct_start, div, div_final, moms, wd = 3, 7, 0.25, 25.0, 1e5, (0.95, 0.85, 0.95), 0.01
    lr_max = slice_lrs(1e-4, 1e-2, 3)
    lr_sched = [combined_cos(pct_start, m / div, m, m / div_final) for m in lr_max]
    mom_sched = combined_cos(pct_start, *moms)
    total = n_epoch * batches
    steps = []
    for e in range(n_epoch):
        for b in range(batches):
            pos = (e * batches + b) / total
            steps.append(trace.step(e, [lr_sched[g](pos) for _, g, _ in params],
                                    [0.0 if bias else wd for _, _, bias in params], [False] * len(params),
                                    beta1=[mom_sched(pos)] * len(params)))
    c = trace.case("fit_one_cycle_3_epochs_slice", "FastaiOneCycle", REFERENCE, n_epoch, batches,
                   [p[0] for p in params], steps)
    trace.write("fastai_one_cycle.json", [c])


if __name__ == "__main__":
    main()
