package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.LBFGS}: L-BFGS with optional strong-Wolfe line search (one group, needs a closure).
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Lbfgs extends TypedSpec<Lbfgs> {
  private Lbfgs() {
    super(Category.OPTIMIZER, "LBFGS");
  }

  /**
   * A {@code LBFGS} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Lbfgs spec() {
    return new Lbfgs();
  }

  /**
   * {@code lr}: learning rate; default 1.0; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Lbfgs lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code max_iter}: iterations per step; default 20; in [1, inf).
   *
   * @param maxIter the value of {@code max_iter}
   * @return this spec
   */
  public Lbfgs maxIter(int maxIter) {
    return set("max_iter", maxIter);
  }

  /**
   * {@code max_eval}: function evaluations per step (None: max_iter * 5 // 4); default None; in [1, inf).
   *
   * @param maxEval the value of {@code max_eval} ({@code null}: None)
   * @return this spec
   */
  public Lbfgs maxEval(Integer maxEval) {
    return set("max_eval", maxEval);
  }

  /**
   * {@code tolerance_grad}: first-order optimality tolerance; default 1.0E-7; in [0, inf).
   *
   * @param toleranceGrad the value of {@code tolerance_grad}
   * @return this spec
   */
  public Lbfgs toleranceGrad(double toleranceGrad) {
    return set("tolerance_grad", toleranceGrad);
  }

  /**
   * {@code tolerance_change}: tolerance on changes of the function value or parameters; default 1.0E-9; in [0, inf).
   *
   * @param toleranceChange the value of {@code tolerance_change}
   * @return this spec
   */
  public Lbfgs toleranceChange(double toleranceChange) {
    return set("tolerance_change", toleranceChange);
  }

  /**
   * {@code history_size}: update history size; default 100; in [1, inf).
   *
   * @param historySize the value of {@code history_size}
   * @return this spec
   */
  public Lbfgs historySize(int historySize) {
    return set("history_size", historySize);
  }

  /**
   * {@code line_search_fn}: None or 'strong_wolfe'; default None.
   *
   * @param lineSearchFn the value of {@code line_search_fn} ({@code null}: None)
   * @return this spec
   */
  public Lbfgs lineSearchFn(LineSearchFn lineSearchFn) {
    return set("line_search_fn", lineSearchFn == null ? null : lineSearchFn.pytorchName());
  }

  /**
   * The values of {@code line_search_fn}.
   */
  public enum LineSearchFn {
    /**
     * {@code strong_wolfe}.
     */
    STRONG_WOLFE("strong_wolfe");

    private final String pytorchName;

    LineSearchFn(String pytorchName) {
      this.pytorchName = pytorchName;
    }

    /**
     * {@return the value as PyTorch spells it}
     */
    public String pytorchName() {
      return pytorchName;
    }
  }
}
