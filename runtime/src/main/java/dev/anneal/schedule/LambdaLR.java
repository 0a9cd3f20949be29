package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * {@code torch.optim.lr_scheduler.LambdaLR}: lr = base lr times a Java function of the position,
 * one function for all groups or one per group. A group that joins later uses the last function.
 * Functions are code, not state: a resumed run must be built with the same functions.
 */
public final class LambdaLR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "LambdaLR";
  private final List<IntToDoubleFunction> lambdas;

  /**
   * The scheduler over {@code groups}, with PyTorch's arguments.
   *
   * @param groups the groups it schedules, from the lr each has when it starts
   * @param lambda PyTorch's {@code lr_lambda}
   */
  public LambdaLR(GroupSource groups, IntToDoubleFunction lambda) {
    this(TYPE, groups, List.of(lambda), true);
  }

  /**
   * A factor schedule under another name (the recipes: {@code LinearWithWarmupLR}, ...), so its
   * state is recognised as that recipe's.
   */
  public static LambdaLR named(String type, GroupSource groups, IntToDoubleFunction lambda) {
    return new LambdaLR(type, groups, List.of(lambda), true);
  }

  /** One function per group present now (PyTorch's list form). */
  public LambdaLR(GroupSource groups, List<IntToDoubleFunction> lambdas) {
    this(TYPE, groups, lambdas, false);
  }

  private LambdaLR(String type, GroupSource groups, List<IntToDoubleFunction> lambdas, boolean shared) {
    super(type, groups);
    if (!shared && lambdas.size() != groups.size()) {
      throw new IllegalArgumentException("Expected " + groups.size() + " lr_lambdas, but got " + lambdas.size());
    }
    this.lambdas = List.copyOf(lambdas);
    start();
  }

  /** A factor that also depends on the group's base lr (transformers' polynomial decay). */
  public interface BaseAwareFactor {
    double factor(int step, double baseLr);
  }

  private double factor(int g, double base) {
    IntToDoubleFunction f = lambda(g);
    if (f instanceof BaseAwareFactor aware) {
      return aware.factor(lastEpoch, base);
    }
    return f.applyAsDouble(lastEpoch);
  }

  private IntToDoubleFunction lambda(int g) {
    return lambdas.get(Math.min(g, lambdas.size() - 1));
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return baseLrs[g] * factor(g, baseLrs[g]);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return base * factor(g, base);
  }
}
