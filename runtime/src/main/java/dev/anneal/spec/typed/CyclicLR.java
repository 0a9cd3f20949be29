package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.CyclicLR}: lr cycling between base_lr and max_lr (momentum inversely).
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class CyclicLR extends TypedSpec<CyclicLR> {
  private CyclicLR() {
    super(Category.SCHEDULER, "CyclicLR");
  }

  /**
   * A {@code CyclicLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static CyclicLR spec() {
    return new CyclicLR();
  }

  /**
   * {@code base_lr}: lower bound of the cycle, per group; required.
   *
   * @param baseLr the value of {@code base_lr}
   * @return this spec
   */
  public CyclicLR baseLr(double baseLr) {
    return set("base_lr", baseLr);
  }

  /**
   * {@code base_lr}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public CyclicLR baseLr(List<Double> perGroup) {
    return set("base_lr", List.copyOf(perGroup));
  }

  /**
   * {@code max_lr}: upper bound of the cycle, per group; required.
   *
   * @param maxLr the value of {@code max_lr}
   * @return this spec
   */
  public CyclicLR maxLr(double maxLr) {
    return set("max_lr", maxLr);
  }

  /**
   * {@code max_lr}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public CyclicLR maxLr(List<Double> perGroup) {
    return set("max_lr", List.copyOf(perGroup));
  }

  /**
   * {@code step_size_up}: positions of the rising half; default 2000.0; in (0, inf).
   *
   * @param stepSizeUp the value of {@code step_size_up}
   * @return this spec
   */
  public CyclicLR stepSizeUp(double stepSizeUp) {
    return set("step_size_up", stepSizeUp);
  }

  /**
   * {@code step_size_down}: positions of the falling half (None: step_size_up); default None; in (0, inf).
   *
   * @param stepSizeDown the value of {@code step_size_down} ({@code null}: None)
   * @return this spec
   */
  public CyclicLR stepSizeDown(Double stepSizeDown) {
    return set("step_size_down", stepSizeDown);
  }

  /**
   * {@code mode}: amplitude policy; default 'triangular'.
   *
   * @param mode the value of {@code mode}
   * @return this spec
   */
  public CyclicLR mode(Mode mode) {
    return set("mode", mode.pytorchName());
  }

  /**
   * {@code gamma}: exp_range's factor per position; default 1.0; in [0, inf).
   *
   * @param gamma the value of {@code gamma}
   * @return this spec
   */
  public CyclicLR gamma(double gamma) {
    return set("gamma", gamma);
  }

  /**
   * {@code scale_fn}: custom amplitude policy (a Java DoubleUnaryOperator); default None.
   *
   * @param scaleFn the value of {@code scale_fn} ({@code null}: None)
   * @return this spec
   */
  public CyclicLR scaleFn(DoubleUnaryOperator scaleFn) {
    return set("scale_fn", scaleFn);
  }

  /**
   * {@code scale_mode}: what scale_fn reads; default 'cycle'.
   *
   * @param scaleMode the value of {@code scale_mode}
   * @return this spec
   */
  public CyclicLR scaleMode(ScaleMode scaleMode) {
    return set("scale_mode", scaleMode.pytorchName());
  }

  /**
   * {@code cycle_momentum}: cycle momentum (or beta1) inversely; default True.
   *
   * @param cycleMomentum the value of {@code cycle_momentum}
   * @return this spec
   */
  public CyclicLR cycleMomentum(boolean cycleMomentum) {
    return set("cycle_momentum", cycleMomentum);
  }

  /**
   * {@code base_momentum}: lower momentum bound, per group; default 0.8.
   *
   * @param baseMomentum the value of {@code base_momentum}
   * @return this spec
   */
  public CyclicLR baseMomentum(double baseMomentum) {
    return set("base_momentum", baseMomentum);
  }

  /**
   * {@code base_momentum}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public CyclicLR baseMomentum(List<Double> perGroup) {
    return set("base_momentum", List.copyOf(perGroup));
  }

  /**
   * {@code max_momentum}: upper momentum bound, per group; default 0.9.
   *
   * @param maxMomentum the value of {@code max_momentum}
   * @return this spec
   */
  public CyclicLR maxMomentum(double maxMomentum) {
    return set("max_momentum", maxMomentum);
  }

  /**
   * {@code max_momentum}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public CyclicLR maxMomentum(List<Double> perGroup) {
    return set("max_momentum", List.copyOf(perGroup));
  }

  /**
   * The values of {@code mode}.
   */
  public enum Mode {
    /**
     * {@code triangular}.
     */
    TRIANGULAR("triangular"),

    /**
     * {@code triangular2}.
     */
    TRIANGULAR2("triangular2"),

    /**
     * {@code exp_range}.
     */
    EXP_RANGE("exp_range");

    private final String pytorchName;

    Mode(String pytorchName) {
      this.pytorchName = pytorchName;
    }

    /**
     * {@return the value as PyTorch spells it}
     */
    public String pytorchName() {
      return pytorchName;
    }
  }

  /**
   * The values of {@code scale_mode}.
   */
  public enum ScaleMode {
    /**
     * {@code cycle}.
     */
    CYCLE("cycle"),

    /**
     * {@code iterations}.
     */
    ITERATIONS("iterations");

    private final String pytorchName;

    ScaleMode(String pytorchName) {
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
