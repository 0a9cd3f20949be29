package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code fairseq.optim.lr_scheduler.InverseSquareRootSchedule}: linear warmup from warmup_init_lr to the lr, then lr * sqrt(warmup_updates / num_updates).
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class FairseqInverseSqrtLR extends TypedSpec<FairseqInverseSqrtLR> {
  private FairseqInverseSqrtLR() {
    super(Category.SCHEDULER, "fairseq.InverseSquareRootSchedule");
  }

  /**
   * A {@code fairseq.InverseSquareRootSchedule} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static FairseqInverseSqrtLR spec() {
    return new FairseqInverseSqrtLR();
  }

  /**
   * {@code warmup_updates}: updates of the linear warmup (fairseq divides by it: 0 is ZeroDivisionError); default 4000; in [1, inf).
   *
   * @param warmupUpdates the value of {@code warmup_updates}
   * @return this spec
   */
  public FairseqInverseSqrtLR warmupUpdates(int warmupUpdates) {
    return set("warmup_updates", warmupUpdates);
  }

  /**
   * {@code warmup_init_lr}: lr at update 0; negative (the default -1): 0; default -1.0.
   *
   * @param warmupInitLr the value of {@code warmup_init_lr}
   * @return this spec
   */
  public FairseqInverseSqrtLR warmupInitLr(double warmupInitLr) {
    return set("warmup_init_lr", warmupInitLr);
  }
}
