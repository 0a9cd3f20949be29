package dev.anneal.optim;

import dev.anneal.spec.Spec;
import java.util.List;

/** Builds an optimizer from its PyTorch class name and keyword arguments. */
public final class Optimizers {
  private Optimizers() {}

  /** {@code Optimizers.create(Spec.of("SGD").with("lr", 0.1), groups)}; unknown names are refused. */
  public static Optimizer create(Spec spec, List<ParamGroup> groups) {
    return switch (spec.type()) {
      case Sgd.TYPE -> new Sgd(groups, spec.kwargs());
      default -> throw new IllegalArgumentException("unknown optimizer " + spec.type());
    };
  }
}
