package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.Descriptor;
import java.util.List;

/**
 * The losses of {@code torch.nn}, described like optimizers: {@code Descriptor.loss("MSELoss")} with
 * {@code Argument.choice("reduction", "mean", "sum", "none")}, {@code Argument.tensor("weight")}, ...
 * Empty until the losses are added here.
 */
final class LossDescriptors {
  private LossDescriptors() {}

  static List<Descriptor> all() {
    return List.of();
  }
}
