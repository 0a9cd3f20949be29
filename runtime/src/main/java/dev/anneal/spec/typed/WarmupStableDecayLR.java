package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import javax.annotation.processing.Generated;

/**
 * {@code transformers.get_wsd_schedule}: warmup, stable, then decay (WSD).
 * <p>Meant to step per optimizer step.
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class WarmupStableDecayLR extends TypedSpec<WarmupStableDecayLR> {
  private WarmupStableDecayLR() {
    super(Category.SCHEDULER, "WarmupStableDecayLR");
  }

  /**
   * A {@code WarmupStableDecayLR} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static WarmupStableDecayLR spec() {
    return new WarmupStableDecayLR();
  }

  /**
   * {@code num_warmup_steps}: steps of the linear warmup; required; in [0, inf).
   *
   * @param numWarmupSteps the value of {@code num_warmup_steps}
   * @return this spec
   */
  public WarmupStableDecayLR numWarmupSteps(int numWarmupSteps) {
    return set("num_warmup_steps", numWarmupSteps);
  }

  /**
   * {@code num_decay_steps}: steps of the decay; required; in [0, inf).
   *
   * @param numDecaySteps the value of {@code num_decay_steps}
   * @return this spec
   */
  public WarmupStableDecayLR numDecaySteps(int numDecaySteps) {
    return set("num_decay_steps", numDecaySteps);
  }

  /**
   * {@code num_training_steps}: total steps (or give num_stable_steps); default None; in [1, inf).
   *
   * @param numTrainingSteps the value of {@code num_training_steps} ({@code null}: None)
   * @return this spec
   */
  public WarmupStableDecayLR numTrainingSteps(Integer numTrainingSteps) {
    return set("num_training_steps", numTrainingSteps);
  }

  /**
   * {@code num_stable_steps}: steps at the full lr (None: what the total leaves); default None; in [0, inf).
   *
   * @param numStableSteps the value of {@code num_stable_steps} ({@code null}: None)
   * @return this spec
   */
  public WarmupStableDecayLR numStableSteps(Integer numStableSteps) {
    return set("num_stable_steps", numStableSteps);
  }

  /**
   * {@code warmup_type}: warmup shape; default 'linear'.
   *
   * @param warmupType the value of {@code warmup_type}
   * @return this spec
   */
  public WarmupStableDecayLR warmupType(WarmupType warmupType) {
    return set("warmup_type", warmupType.pytorchName());
  }

  /**
   * {@code decay_type}: decay shape; default 'cosine'.
   *
   * @param decayType the value of {@code decay_type}
   * @return this spec
   */
  public WarmupStableDecayLR decayType(DecayType decayType) {
    return set("decay_type", decayType.pytorchName());
  }

  /**
   * {@code min_lr_ratio}: final factor; default 0.0; in [0, 1].
   *
   * @param minLrRatio the value of {@code min_lr_ratio}
   * @return this spec
   */
  public WarmupStableDecayLR minLrRatio(double minLrRatio) {
    return set("min_lr_ratio", minLrRatio);
  }

  /**
   * {@code num_cycles}: cosine waves of the decay; default 0.5.
   *
   * @param numCycles the value of {@code num_cycles}
   * @return this spec
   */
  public WarmupStableDecayLR numCycles(double numCycles) {
    return set("num_cycles", numCycles);
  }

  /**
   * The values of {@code warmup_type}.
   */
  public enum WarmupType {
    /**
     * {@code linear}.
     */
    LINEAR("linear"),

    /**
     * {@code cosine}.
     */
    COSINE("cosine"),

    /**
     * {@code 1-sqrt}.
     */
    ONE_MINUS_SQRT("1-sqrt");

    private final String pytorchName;

    WarmupType(String pytorchName) {
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
   * The values of {@code decay_type}.
   */
  public enum DecayType {
    /**
     * {@code cosine}.
     */
    COSINE("cosine"),

    /**
     * {@code linear}.
     */
    LINEAR("linear"),

    /**
     * {@code 1-sqrt}.
     */
    ONE_MINUS_SQRT("1-sqrt");

    private final String pytorchName;

    DecayType(String pytorchName) {
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
