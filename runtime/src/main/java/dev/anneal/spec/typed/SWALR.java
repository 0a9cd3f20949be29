package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.swa_utils.SWALR}: anneals each group's lr to swa_lr over anneal_epochs (cos or linear), then holds it.
 * <p>Meant to step per epoch.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class SWALR extends TypedSpec<SWALR> {
  private SWALR() {
    super(Category.SCHEDULER, "SWALR");
  }

  /**
   * A {@code SWALR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static SWALR spec() {
    return new SWALR();
  }

  /**
   * {@code swa_lr}: the lr to anneal to, once or per group; required; in [0, inf).
   *
   * @param swaLr the value of {@code swa_lr}
   * @return this spec
   */
  public SWALR swaLr(double swaLr) {
    return set("swa_lr", swaLr);
  }

  /**
   * {@code swa_lr}, one value per group.
   *
   * @param perGroup one value per group
   * @return this spec
   */
  public SWALR swaLr(List<Double> perGroup) {
    return set("swa_lr", List.copyOf(perGroup));
  }

  /**
   * {@code anneal_epochs}: positions of the annealing; default 10; in [0, inf).
   *
   * @param annealEpochs the value of {@code anneal_epochs}
   * @return this spec
   */
  public SWALR annealEpochs(int annealEpochs) {
    return set("anneal_epochs", annealEpochs);
  }

  /**
   * {@code anneal_strategy}: shape of the annealing; default 'cos'.
   *
   * @param annealStrategy the value of {@code anneal_strategy}
   * @return this spec
   */
  public SWALR annealStrategy(AnnealStrategy annealStrategy) {
    return set("anneal_strategy", annealStrategy.pytorchName());
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
