package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.MultiplicativeLR}: lr times lr_lambda(position) every position.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class MultiplicativeLR extends TypedSpec<MultiplicativeLR> {
  private MultiplicativeLR() {
    super(Category.SCHEDULER, "MultiplicativeLR");
  }

  /**
   * A {@code MultiplicativeLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static MultiplicativeLR spec() {
    return new MultiplicativeLR();
  }

  /**
   * {@code lr_lambda}: a Java IntToDoubleFunction or a list of them, one per group: Schedulers.multiplicative(...); required.
   *
   * @param lrLambda the value of {@code lr_lambda}
   * @return this spec
   */
  public MultiplicativeLR lrLambda(IntToDoubleFunction lrLambda) {
    return set("lr_lambda", lrLambda);
  }

  /**
   * {@code lr_lambda}, one function per group.
   *
   * @param perGroup one function per group
   * @return this spec
   */
  public MultiplicativeLR lrLambda(List<IntToDoubleFunction> perGroup) {
    return set("lr_lambda", List.copyOf(perGroup));
  }
}
