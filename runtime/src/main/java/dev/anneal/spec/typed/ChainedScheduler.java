package dev.anneal.spec.typed;

import dev.anneal.spec.SpecSource;
import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.ChainedScheduler}: children stepped together, their factors multiplied.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class ChainedScheduler extends TypedSpec<ChainedScheduler> {
  private ChainedScheduler() {
    super(Category.SCHEDULER, "ChainedScheduler");
  }

  /**
   * A {@code ChainedScheduler} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static ChainedScheduler spec() {
    return new ChainedScheduler();
  }

  /**
   * The child schedules, in order.
   *
   * @param schedulers the schedules
   * @return this spec
   */
  public ChainedScheduler schedulers(SpecSource... schedulers) {
    return children(schedulers);
  }
}
