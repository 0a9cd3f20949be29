package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR}: the 1cycle policy: warm up to max_lr, anneal far below.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class OneCycleLR extends TypedSpec<OneCycleLR> {
  private OneCycleLR() {
    super(Category.SCHEDULER, "OneCycleLR");
  }

  /**
   * A {@code OneCycleLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static OneCycleLR spec() {
    return new OneCycleLR();
  }

  /**
   * {@code max_lr}: peak lr, per group; required; in (0, inf).
   *
   * @param maxLr the value of {@code max_lr}
   * @return this spec
   */
  public OneCycleLR maxLr(double maxLr) {
    return set("max_lr", maxLr);
  }

  /**
   * {@code max_lr}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public OneCycleLR maxLr(List<Double> perGroup) {
    return set("max_lr", List.copyOf(perGroup));
  }

  /**
   * {@code total_steps}: steps of the cycle (None: epochs * steps_per_epoch); default None; in [1, inf).
   *
   * @param totalSteps the value of {@code total_steps} ({@code null}: None)
   * @return this spec
   */
  public OneCycleLR totalSteps(Integer totalSteps) {
    return set("total_steps", totalSteps);
  }

  /**
   * {@code epochs}: with steps_per_epoch, instead of total_steps; default None; in [1, inf).
   *
   * @param epochs the value of {@code epochs} ({@code null}: None)
   * @return this spec
   */
  public OneCycleLR epochs(Integer epochs) {
    return set("epochs", epochs);
  }

  /**
   * {@code steps_per_epoch}: with epochs, instead of total_steps; default None; in [1, inf).
   *
   * @param stepsPerEpoch the value of {@code steps_per_epoch} ({@code null}: None)
   * @return this spec
   */
  public OneCycleLR stepsPerEpoch(Integer stepsPerEpoch) {
    return set("steps_per_epoch", stepsPerEpoch);
  }

  /**
   * {@code pct_start}: fraction of the cycle spent rising; default 0.3; in [0, 1].
   *
   * @param pctStart the value of {@code pct_start}
   * @return this spec
   */
  public OneCycleLR pctStart(double pctStart) {
    return set("pct_start", pctStart);
  }

  /**
   * {@code anneal_strategy}: annealing shape; default 'cos'.
   *
   * @param annealStrategy the value of {@code anneal_strategy}
   * @return this spec
   */
  public OneCycleLR annealStrategy(AnnealStrategy annealStrategy) {
    return set("anneal_strategy", annealStrategy.pytorchName());
  }

  /**
   * {@code cycle_momentum}: cycle momentum (or beta1) inversely; default True.
   *
   * @param cycleMomentum the value of {@code cycle_momentum}
   * @return this spec
   */
  public OneCycleLR cycleMomentum(boolean cycleMomentum) {
    return set("cycle_momentum", cycleMomentum);
  }

  /**
   * {@code base_momentum}: lower momentum bound, per group; default 0.85.
   *
   * @param baseMomentum the value of {@code base_momentum}
   * @return this spec
   */
  public OneCycleLR baseMomentum(double baseMomentum) {
    return set("base_momentum", baseMomentum);
  }

  /**
   * {@code base_momentum}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public OneCycleLR baseMomentum(List<Double> perGroup) {
    return set("base_momentum", List.copyOf(perGroup));
  }

  /**
   * {@code max_momentum}: upper momentum bound, per group; default 0.95.
   *
   * @param maxMomentum the value of {@code max_momentum}
   * @return this spec
   */
  public OneCycleLR maxMomentum(double maxMomentum) {
    return set("max_momentum", maxMomentum);
  }

  /**
   * {@code max_momentum}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public OneCycleLR maxMomentum(List<Double> perGroup) {
    return set("max_momentum", List.copyOf(perGroup));
  }

  /**
   * {@code div_factor}: initial lr = max_lr / div_factor; default 25.0; in (0, inf).
   *
   * @param divFactor the value of {@code div_factor}
   * @return this spec
   */
  public OneCycleLR divFactor(double divFactor) {
    return set("div_factor", divFactor);
  }

  /**
   * {@code final_div_factor}: minimum lr = initial lr / final_div_factor; default 10000.0; in (0, inf).
   *
   * @param finalDivFactor the value of {@code final_div_factor}
   * @return this spec
   */
  public OneCycleLR finalDivFactor(double finalDivFactor) {
    return set("final_div_factor", finalDivFactor);
  }

  /**
   * {@code three_phase}: a third phase annihilating the lr; default False.
   *
   * @param threePhase the value of {@code three_phase}
   * @return this spec
   */
  public OneCycleLR threePhase(boolean threePhase) {
    return set("three_phase", threePhase);
  }

  /**
   * The values of {@code anneal_strategy}.
   */
  public enum AnnealStrategy {
    /**
     * {@code cos}.
     */
    COS("cos"),

    /**
     * {@code linear}.
     */
    LINEAR("linear");

    private final String pytorchName;

    AnnealStrategy(String pytorchName) {
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
