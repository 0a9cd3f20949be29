package dev.anneal.spec.typed;

import dev.anneal.spec.SpecSource;
import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.SequentialLR}: children one after another, switching at the milestones.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class SequentialLR extends TypedSpec<SequentialLR> {
  private SequentialLR() {
    super(Category.SCHEDULER, "SequentialLR");
  }

  /**
   * A {@code SequentialLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static SequentialLR spec() {
    return new SequentialLR();
  }

  /**
   * {@code milestones}: positions where the next child starts; required; in [0, inf).
   *
   * @param milestones the value of {@code milestones}
   * @return this spec
   */
  public SequentialLR milestones(int... milestones) {
    return set("milestones", Arrays.stream(milestones).boxed().toList());
  }

  /**
   * The child schedules, in order.
   *
   * @param schedulers the schedules
   * @return this spec
   */
  public SequentialLR schedulers(SpecSource... schedulers) {
    return children(schedulers);
  }
}
