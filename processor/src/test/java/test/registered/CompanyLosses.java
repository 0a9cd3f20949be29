package test.registered;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import dev.anneal.vocabulary.Range;
import java.util.List;

/**
 * A user's own loss, registered with its descriptor as a library would (a service file on the
 * processor path): the processor validates {@code @Loss(custom = "FocalLoss")} against it. At run
 * time the same name needs a {@code dev.anneal.djl.loss.LossProvider}; the processor reads only the
 * descriptor.
 */
public final class CompanyLosses implements DescriptorProvider {
  @Override
  public List<Descriptor> descriptors() {
    return List.of(Descriptor.loss("FocalLoss").summary("cross entropy that down-weights easy examples, -(1 - p_t)^gamma log p_t")
        .arg(Argument.number("gamma", 2.0).range(Range.atLeast(0)))
        .arg(Argument.tensor("weight"))
        .arg(Argument.choice("reduction", "mean", "sum", "none"))
        .build());
  }
}
