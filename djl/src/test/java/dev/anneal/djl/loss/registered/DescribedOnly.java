package dev.anneal.djl.loss.registered;

import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import java.util.List;

/** A loss descriptor registered without a {@code LossProvider}: known by name, but nothing builds it. */
public final class DescribedOnly implements DescriptorProvider {
  @Override
  public List<Descriptor> descriptors() {
    return List.of(Descriptor.loss("DescribedOnlyLoss").summary("a descriptor with no implementation").build());
  }
}
