package dev.anneal.optim;

import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import java.util.List;
import java.util.Map;

/**
 * Your own optimizer, registered once: its descriptor (names, defaults, ranges, read by the
 * runtime, the typed DSL and the processor) and how to build it. Register the implementation as a
 * {@link DescriptorProvider} service, with {@code @AutoService(DescriptorProvider.class)}; then
 * {@code Spec.of("MyOptimizer")}, JSON and annotations reach it like a built-in one.
 */
public interface OptimizerProvider extends DescriptorProvider {
  Descriptor descriptor();

  /** The optimizer over {@code groups} with these keyword arguments (PyTorch names, not yet checked). */
  Optimizer create(List<ParamGroup> groups, Map<String, Object> kwargs);

  @Override
  default List<Descriptor> descriptors() {
    return List.of(descriptor());
  }
}
