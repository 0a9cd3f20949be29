package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;
import java.util.List;

/**
 * How a group splits its parameters: no weight decay for some ({@code noDecay}) and layer-wise lr
 * decay by the layer in their names ({@code layerDecay}); either may be null.
 */
public record ParamSplits(NoDecayRule noDecay, LayerDecayRule layerDecay, List<KindRule> kinds) {

  public ParamSplits {
    kinds = List.copyOf(kinds);
  }

  /** Splits without kind groups. */
  public ParamSplits(NoDecayRule noDecay, LayerDecayRule layerDecay) {
    this(noDecay, layerDecay, List.of());
  }

  /**
   * {@code @KindGroup}: the kind ({@code BIAS}, {@code NORM}, ...), the factor on the group's lr
   * and the weight decay (null: the group's), split before {@code noDecay}, in the order written.
   */
  public record KindRule(String kind, double lrFactor, Double weightDecay, Location where) {
    /** The split's suffix: the kind in lower case ({@code bias}, {@code norm}). */
    public String suffix() {
      return kind.toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ParamSplits withKinds(List<KindRule> rules) {
    return new ParamSplits(noDecay, layerDecay, rules);
  }

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
    return new ParamSplits(rule, layerDecay, kinds);
  }

  /** Whether both split the same way (where they were declared aside). */
  public boolean sameAs(ParamSplits other) {
    boolean noDecaySame = noDecay == null ? other.noDecay == null : other.noDecay != null && noDecay.sameAs(other.noDecay);
    boolean layerSame = layerDecay == null ? other.layerDecay == null
        : other.layerDecay != null && layerDecay.decay() == other.layerDecay.decay()
            && layerDecay.pattern().equals(other.layerDecay.pattern())
            && layerDecay.ids().equals(other.layerDecay.ids()) && layerDecay.scale().equals(other.layerDecay.scale());
    boolean kindsSame = kinds.size() == other.kinds.size();
    for (int i = 0; kindsSame && i < kinds.size(); i++) {
      KindRule a = kinds.get(i);
      KindRule b = other.kinds.get(i);
      kindsSame = a.kind().equals(b.kind()) && a.lrFactor() == b.lrFactor() && java.util.Objects.equals(a.weightDecay(), b.weightDecay());
    }
    return noDecaySame && layerSame && kindsSame;
  }

  public static final ParamSplits NONE = new ParamSplits(null, null);
}
