package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: lr times factor when the monitored metric stops improving.
 * <p>Meant to step per epoch, with the monitored metric.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class ReduceLROnPlateau extends TypedSpec<ReduceLROnPlateau> {
  private ReduceLROnPlateau() {
    super(Category.SCHEDULER, "ReduceLROnPlateau");
  }

  /**
   * A {@code ReduceLROnPlateau} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static ReduceLROnPlateau spec() {
    return new ReduceLROnPlateau();
  }

  /**
   * {@code mode}: whether the metric should fall or rise; default 'min'.
   *
   * @param mode the value of {@code mode}
   * @return this spec
   */
  public ReduceLROnPlateau mode(Mode mode) {
    return set("mode", mode.pytorchName());
  }

  /**
   * {@code factor}: multiplicative factor of a reduction; default 0.1; in [0, 1).
   *
   * @param factor the value of {@code factor}
   * @return this spec
   */
  public ReduceLROnPlateau factor(double factor) {
    return set("factor", factor);
  }

  /**
   * {@code patience}: epochs without improvement before reducing; default 10; in [0, inf).
   *
   * @param patience the value of {@code patience}
   * @return this spec
   */
  public ReduceLROnPlateau patience(int patience) {
    return set("patience", patience);
  }

  /**
   * {@code threshold}: what counts as an improvement; default 1.0E-4.
   *
   * @param threshold the value of {@code threshold}
   * @return this spec
   */
  public ReduceLROnPlateau threshold(double threshold) {
    return set("threshold", threshold);
  }

  /**
   * {@code threshold_mode}: relative or absolute threshold; default 'rel'.
   *
   * @param thresholdMode the value of {@code threshold_mode}
   * @return this spec
   */
  public ReduceLROnPlateau thresholdMode(ThresholdMode thresholdMode) {
    return set("threshold_mode", thresholdMode.pytorchName());
  }

  /**
   * {@code cooldown}: epochs to wait after a reduction; default 0; in [0, inf).
   *
   * @param cooldown the value of {@code cooldown}
   * @return this spec
   */
  public ReduceLROnPlateau cooldown(int cooldown) {
    return set("cooldown", cooldown);
  }

  /**
   * {@code min_lr}: lower bound, per group; default 0.0; in [0, inf).
   *
   * @param minLr the value of {@code min_lr}
   * @return this spec
   */
  public ReduceLROnPlateau minLr(double minLr) {
    return set("min_lr", minLr);
  }

  /**
   * {@code min_lr}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public ReduceLROnPlateau minLr(List<Double> perGroup) {
    return set("min_lr", List.copyOf(perGroup));
  }

  /**
   * {@code eps}: smaller reductions are skipped; default 1.0E-8; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public ReduceLROnPlateau eps(double eps) {
    return set("eps", eps);
  }

  /**
   * The values of {@code mode}.
   */
  public enum Mode {
    /**
     * {@code min}.
     */
    MIN("min"),

    /**
     * {@code max}.
     */
    MAX("max");

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
   * The values of {@code threshold_mode}.
   */
  public enum ThresholdMode {
    /**
     * {@code rel}.
     */
    REL("rel"),

    /**
     * {@code abs}.
     */
    ABS("abs");

    private final String pytorchName;

    ThresholdMode(String pytorchName) {
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
