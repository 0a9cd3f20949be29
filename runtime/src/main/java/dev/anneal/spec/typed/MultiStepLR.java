package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR}: lr times gamma at each milestone.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class MultiStepLR extends TypedSpec<MultiStepLR> {
  private MultiStepLR() {
    super(Category.SCHEDULER, "MultiStepLR");
  }

  /**
   * A {@code MultiStepLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static MultiStepLR spec() {
    return new MultiStepLR();
  }

  /**
   * {@code milestones}: positions of the decays; required; in [0, inf).
   *
   * @param milestones the value of {@code milestones}
   * @return this spec
   */
  public MultiStepLR milestones(int... milestones) {
    return set("milestones", Arrays.stream(milestones).boxed().toList());
  }

  /**
   * {@code gamma}: multiplicative factor; default 0.1; in [0, inf).
   *
   * @param gamma the value of {@code gamma}
   * @return this spec
   */
  public MultiStepLR gamma(double gamma) {
    return set("gamma", gamma);
  }
}
