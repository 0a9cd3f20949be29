package dev.anneal.vocabulary;

import java.util.List;

/**
 * Adds descriptors of one's own optimizers, schedulers or losses, found with
 * {@link java.util.ServiceLoader}: register the implementation in
 * {@code META-INF/services/dev.anneal.vocabulary.DescriptorProvider}, most simply with
 * {@code @AutoService(DescriptorProvider.class)}. The runtime's provider interfaces extend this one
 * to also build the optimizer or schedule.
 */
public interface DescriptorProvider {
  List<Descriptor> descriptors();
}
