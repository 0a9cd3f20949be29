package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * {@code torch.optim.lr_scheduler.MultiplicativeLR}: each step multiplies the current lr by a Java
 * function of the position (from step 1 on). A group that joins later uses the last function and
 * gets the product of the factors so far.
 */
public final class MultiplicativeLR extends AbstractLrScheduler {
  public static final String TYPE = "MultiplicativeLR";
  private final List<IntToDoubleFunction> lambdas;

  public MultiplicativeLR(GroupSource groups, IntToDoubleFunction lambda) {
    this(groups, List.of(lambda), true);
  }

  /** One function per group present now. */
  public MultiplicativeLR(GroupSource groups, List<IntToDoubleFunction> lambdas) {
    this(groups, lambdas, false);
  }

  private MultiplicativeLR(GroupSource groups, List<IntToDoubleFunction> lambdas, boolean shared) {
    super(TYPE, groups);
    if (!shared && lambdas.size() != groups.size()) {
      throw new IllegalArgumentException("Expected " + groups.size() + " lr_lambdas, but got " + lambdas.size());
    }
    this.lambdas = List.copyOf(lambdas);
    start();
  }

  private IntToDoubleFunction lambda(int g) {
    return lambdas.get(Math.min(g, lambdas.size() - 1));
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return lastEpoch > 0 && !resuming() ? group.lr() * lambda(g).applyAsDouble(lastEpoch) : group.lr();
  }

  @Override
  protected double closedFormLr(int g, double base) {
    double lr = base;
    for (int e = 1; e <= lastEpoch; e++) {
      lr *= lambda(g).applyAsDouble(e);
    }
    return lr;
  }
}
