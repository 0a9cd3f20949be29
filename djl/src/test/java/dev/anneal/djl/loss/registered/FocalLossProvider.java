package dev.anneal.djl.loss.registered;

import dev.anneal.djl.loss.LossProvider;
import dev.anneal.djl.loss.TorchLoss;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Range;
import java.util.Map;

/**
 * Registers {@link FocalLoss} once, by {@code META-INF/services/dev.anneal.vocabulary.DescriptorProvider}
 * in the test resources (what {@code @AutoService(DescriptorProvider.class)} would write): its
 * descriptor and its constructor.
 */
public final class FocalLossProvider implements LossProvider {
  @Override
  public Descriptor descriptor() {
    return Descriptor.loss(FocalLoss.NAME).summary("cross entropy that down-weights easy examples, -(1 - p_t)^gamma log p_t")
        .arg(Argument.number("gamma", 2.0).range(Range.atLeast(0)).doc("how strongly easy examples are down-weighted; 0 is cross entropy"))
        .arg(Argument.choice("reduction", "mean", "sum", "none"))
        .build();
  }

  @Override
  public TorchLoss create(Map<String, ?> kwargs) {
    return new FocalLoss(kwargs);
  }
}
