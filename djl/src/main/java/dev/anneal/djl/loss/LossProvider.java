package dev.anneal.djl.loss;

import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import java.util.List;
import java.util.Map;

/**
 * Your own loss, registered once: its descriptor (PyTorch-style name, keyword arguments with
 * defaults and ranges, read by {@link Losses}, {@link LossKwargs} and the annotation processor) and
 * how to build it. Register the implementation as a {@link DescriptorProvider} service, in
 * {@code META-INF/services/dev.anneal.vocabulary.DescriptorProvider} or with
 * {@code @AutoService(DescriptorProvider.class)}; then {@code Losses.create("FocalLoss", kwargs)},
 * a spec read from JSON and {@code @Loss(custom = "FocalLoss")} reach it like a built-in loss. The
 * loss itself extends {@link TorchLoss} (or {@link PointwiseLoss}), whose constructor reads the
 * arguments against the descriptor.
 */
public interface LossProvider extends DescriptorProvider {
  Descriptor descriptor();

  /** The loss with these keyword arguments (PyTorch names, already checked against {@link #descriptor()}; the rest default). */
  TorchLoss create(Map<String, ?> kwargs);

  @Override
  default List<Descriptor> descriptors() {
    return List.of(descriptor());
  }
}
