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
   */
  public static ReduceLROnPlateau spec() {
    return new ReduceLROnPlateau();
  }

  /**
   * {@code mode}: whether the metric should fall or rise; default 'min'.
   */
  public ReduceLROnPlateau mode(Mode mode) {
    return set("mode", mode.pytorchName());
  }

  /**
   * {@code factor}: multiplicative factor of a reduction; default 0.1; in [0, 1).
   */
  public ReduceLROnPlateau factor(double factor) {
    return set("factor", factor);
  }

  /**
   * {@code patience}: epochs without improvement before reducing; default 10; in [0, inf).
   */
  public ReduceLROnPlateau patience(int patience) {
    return set("patience", patience);
  }

  /**
   * {@code threshold}: what counts as an improvement; default 1.0E-4.
   */
  public ReduceLROnPlateau threshold(double threshold) {
    return set("threshold", threshold);
  }

  /**
   * {@code threshold_mode}: relative or absolute threshold; default 'rel'.
   */
  public ReduceLROnPlateau thresholdMode(ThresholdMode thresholdMode) {
    return set("threshold_mode", thresholdMode.pytorchName());
  }

  /**
   * {@code cooldown}: epochs to wait after a reduction; default 0; in [0, inf).
   */
  public ReduceLROnPlateau cooldown(int cooldown) {
    return set("cooldown", cooldown);
  }

  /**
   * {@code min_lr}: lower bound, per group; default 0.0; in [0, inf).
   */
  public ReduceLROnPlateau minLr(double minLr) {
    return set("min_lr", minLr);
  }

  /**
   * {@code min_lr}, one value per group.
   */
  public ReduceLROnPlateau minLr(List<Double> perGroup) {
    return set("min_lr", List.copyOf(perGroup));
  }

  /**
   * {@code eps}: smaller reductions are skipped; default 1.0E-8; in [0, inf).
   */
  public ReduceLROnPlateau eps(double eps) {
    return set("eps", eps);
  }

  /**
   * The values of {@code mode}.
   */
  public enum Mode {
    MIN("min"),

    MAX("max");

    private final String pytorchName;

    Mode(String pytorchName) {
      this.pytorchName = pytorchName;
    }

    /**
     * The value as PyTorch spells it.
     */
    public String pytorchName() {
      return pytorchName;
    }
  }

  /**
   * The values of {@code threshold_mode}.
   */
  public enum ThresholdMode {
    REL("rel"),

    ABS("abs");

    private final String pytorchName;

    ThresholdMode(String pytorchName) {
      this.pytorchName = pytorchName;
    }

    /**
     * The value as PyTorch spells it.
     */
    public String pytorchName() {
      return pytorchName;
    }
  }
}
