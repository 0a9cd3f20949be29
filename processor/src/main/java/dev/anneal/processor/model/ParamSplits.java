package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;
import java.util.List;

/**
 * How a group splits its parameters: no weight decay for some ({@code noDecay}) and layer-wise lr
 * decay by the layer in their names ({@code layerDecay}); either may be null.
 */
public record ParamSplits(NoDecayRule noDecay, LayerDecayRule layerDecay) {

  /** {@code @NoDecay}: a kind ({@code BIAS_AND_NORM}, {@code ONE_DIMENSIONAL}, {@code NONE}) and name globs. */
  public record NoDecayRule(String kind, List<String> names, Location where) {
    public NoDecayRule {
      names = List.copyOf(names);
    }

    boolean sameAs(NoDecayRule other) {
      return kind.equals(other.kind) && names.equals(other.names);
    }
  }

  /**
   * {@code @LayerDecay}: the decay, the name pattern (empty: the block index), the layer rule
   * ({@code PATTERN}, {@code VIT_TIMM}, {@code VIT_BEIT}) and how the factor applies
   * ({@code BASE_LR}, {@code SCHEDULED_LR}).
   */
  public record LayerDecayRule(double decay, String pattern, Location where, String ids, String scale) {
    public LayerDecayRule(double decay, String pattern, Location where) {
      this(decay, pattern, where, "PATTERN", "BASE_LR");
    }
  }

  public ParamSplits withNoDecay(NoDecayRule rule) {
    return new ParamSplits(rule, layerDecay);
  }

  /** Whether both split the same way (where they were declared aside). */
  public boolean sameAs(ParamSplits other) {
    boolean noDecaySame = noDecay == null ? other.noDecay == null : other.noDecay != null && noDecay.sameAs(other.noDecay);
    boolean layerSame = layerDecay == null ? other.layerDecay == null
        : other.layerDecay != null && layerDecay.decay() == other.layerDecay.decay()
            && layerDecay.pattern().equals(other.layerDecay.pattern())
            && layerDecay.ids().equals(other.layerDecay.ids()) && layerDecay.scale().equals(other.layerDecay.scale());
    return noDecaySame && layerSame;
  }

  public static final ParamSplits NONE = new ParamSplits(null, null);
}
