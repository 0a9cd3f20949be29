package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code ULMFiT (Howard & Ruder 2018, eq. 3); fastai v0.7 CircularLR}: ULMFiT's slanted triangle: lr/ratio rising linearly to lr over cut_frac of a cycle, then falling back; restarts every cycle.
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class SlantedTriangularLR extends TypedSpec<SlantedTriangularLR> {
  private SlantedTriangularLR() {
    super(Category.SCHEDULER, "SlantedTriangularLR");
  }

  /**
   * A {@code SlantedTriangularLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static SlantedTriangularLR spec() {
    return new SlantedTriangularLR();
  }

  /**
   * {@code total_steps}: steps of all cycles; required (annotations derive it from the training's length); in [1, inf).
   *
   * @param totalSteps the value of {@code total_steps}
   * @return this spec
   */
  public SlantedTriangularLR totalSteps(int totalSteps) {
    return set("total_steps", totalSteps);
  }

  /**
   * {@code cut_frac}: fraction of a cycle spent rising; default 0.1; in (0, 1).
   *
   * @param cutFrac the value of {@code cut_frac}
   * @return this spec
   */
  public SlantedTriangularLR cutFrac(double cutFrac) {
    return set("cut_frac", cutFrac);
  }

  /**
   * {@code ratio}: how much smaller the lowest lr is than the peak; default 32.0; in [1, inf).
   *
   * @param ratio the value of {@code ratio}
   * @return this spec
   */
  public SlantedTriangularLR ratio(double ratio) {
    return set("ratio", ratio);
  }

  /**
   * {@code cycles}: equal cycles the steps are cut into (one per gradual-unfreezing stage); default 1; in [1, inf).
   *
   * @param cycles the value of {@code cycles}
   * @return this spec
   */
  public SlantedTriangularLR cycles(int cycles) {
    return set("cycles", cycles);
  }

  /**
   * {@code reset_state}: clear the optimizer state as each cycle after the first begins (ULMFiT: one new optimizer per stage's fit); default False.
   *
   * @param resetState the value of {@code reset_state}
   * @return this spec
   */
  public SlantedTriangularLR resetState(boolean resetState) {
    return set("reset_state", resetState);
  }
}
